export { hashPassword, verifyPassword } from './auth/password';
export type { AuthedContext, Context, CookieJar, RequestInfo, SessionUser } from './context';
export { type ApiDeps, createContext, createSystemContext } from './create-context';
export { type Download, type DownloadKind, downloads } from './downloads';
export { toTRPCError } from './errors';
export { type AppRouter, appRouter } from './router';
export { type DemoSummary, seedDemo } from './seed/demo';
export { createCallerFactory } from './trpc';
