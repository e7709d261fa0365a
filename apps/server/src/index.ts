export { buildServer, type ServerOptions } from './app';
export { SESSION_COOKIE } from './cookies';
