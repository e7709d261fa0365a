import { initTRPC, TRPCError } from '@trpc/server';
import { AppError, isAppError } from '@wenming/core';
import { ZodError } from 'zod';
import type { AuthedContext, Context } from './context';
import { readSession } from './create-context';
import { fieldErrors, toTRPCError } from './errors';
import { inTenantScope, StaleSession } from './tenant-scope';

const t = initTRPC.context<Context>().create({
  // Never send stack traces; the formatter decides what a client learns.
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      // Internal failures may carry SQL or paths in their message: say nothing about them.
      message: internal ? 'internal error' : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode: isAppError(cause) ? cause.code : internal ? 'INTERNAL' : error.code,
        params: isAppError(cause) ? cause.params : {},
        fields:
          cause instanceof ZodError ? fieldErrors(cause) : isAppError(cause) ? (cause.fields ?? null) : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

const mapErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error);
    if (mapped.code === 'INTERNAL_SERVER_ERROR')
      ctx.log.error({ err: result.error.cause ?? result.error, path }, 'procedure failed');
    throw mapped;
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

const signIn = () =>
  new TRPCError({
    code: 'UNAUTHORIZED',
    message: 'please sign in',
    cause: new AppError('UNAUTHORIZED', { message: 'please sign in' }),
  });

export const authed = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.user) throw signIn();
  // Everything a signed-in procedure does is one transaction under row-level security.
  const run = (caller: AuthedContext) =>
    inTenantScope(
      caller,
      (scoped) => next({ ctx: scoped }),
      (result) => !result.ok,
    );
  try {
    return await run(ctx as AuthedContext);
  } catch (error) {
    // A remembered session that was revoked or whose grants changed: read it again, once.
    if (!(error instanceof StaleSession)) throw error;
    const token = ctx.cookies.sessionToken;
    const { user, ability } = ctx.sessions
      ? await ctx.sessions.reread(ctx.clock, token)
      : await readSession(ctx.db, ctx.clock, token);
    if (!user) throw signIn();
    return run({ ...ctx, user, ability });
  }
});

export { AppError, isAppError };
