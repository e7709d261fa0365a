export { buildServer, SESSION_COOKIE, type ServerOptions } from './app';
