import type { CookieJar } from '@wenming/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerOptions } from './app';

export const SESSION_COOKIE = 'wenming_session';
export const DEVICE_COOKIE = 'wenming_device';

export function cookieJar(
  req: FastifyRequest,
  reply: FastifyReply,
  secureSetting: ServerOptions['cookieSecure'],
): CookieJar {
  const secure = secureSetting === 'true' || (secureSetting !== 'false' && req.protocol === 'https');
  const options = { httpOnly: true, sameSite: 'lax', secure, path: '/' } as const;
  return {
    sessionToken: req.cookies[SESSION_COOKIE],
    setSession(token, expiresAt) {
      reply.setCookie(SESSION_COOKIE, token, { ...options, expires: expiresAt });
    },
    clearSession() {
      reply.clearCookie(SESSION_COOKIE, options);
    },
    // Outlives sign-out on purpose: it marks the browser, not a session.
    deviceToken: req.cookies[DEVICE_COOKIE],
    setDevice(token, expiresAt) {
      reply.setCookie(DEVICE_COOKIE, token, { ...options, expires: expiresAt });
    },
  };
}
