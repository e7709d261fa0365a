import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookie sessions invite cross-site request forgery: a mutation whose Origin (or, lacking
 * one, Sec-Fetch-Site) says it came from another site is refused before any handler runs.
 * Requests without either header come from non-browser clients, which hold their own cookie.
 */
export function refuseCrossOrigin(app: FastifyInstance) {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!UNSAFE.has(req.method)) return;
    const origin = req.headers.origin;
    const host = req.headers.host;
    let crossOrigin = false;
    if (origin) {
      try {
        crossOrigin = origin === 'null' || new URL(origin).host !== host;
      } catch {
        crossOrigin = true;
      }
    } else if (req.headers['sec-fetch-site'] === 'cross-site') {
      crossOrigin = true;
    }
    if (crossOrigin) {
      return reply.code(403).send({
        error: {
          code: 'FORBIDDEN',
          appCode: 'CROSS_ORIGIN_REFUSED',
          message: 'cross-origin request refused',
        },
      });
    }
  });
}

/** Headers for the SPAs and their assets. antd injects its CSS at run time, hence inline styles. */
export const SPA_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};
