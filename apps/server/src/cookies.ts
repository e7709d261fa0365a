import type { CookieJar } from '@wenming/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerOptions } from './app';

export const SESSION_COOKIE = 'wenming_session';

export function cookieJar(
  req: FastifyRequest,
  reply: FastifyReply,
  secureSetting: ServerOptions['cookieSecure'],
): CookieJar {
  const secure = secureSetting === 'true' || (secureSetting !== 'false' && req.protocol === 'https');
  return {
    sessionToken: req.cookies[SESSION_COOKIE],
    setSession(token, expiresAt) {
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        expires: expiresAt,
      });
    },
    clearSession() {
      reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    },
  };
}
