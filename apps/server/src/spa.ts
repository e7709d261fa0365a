import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { SPA_HEADERS } from './security';

export interface SpaMount {
  /** URL prefix, e.g. `/console/`. */
  prefix: string;
  /** The built app (its index.html and assets). */
  root: string;
}

/**
 * Serves built single-page apps under their prefixes. Files are looked up per request, so
 * a rebuild is served without a restart. Unknown paths below a prefix are client-side
 * routes (e.g. /console/units/…) and get the app's index.html; a missing asset stays a 404.
 */
export async function mountSpas(app: FastifyInstance, spas: SpaMount[]) {
  for (const spa of spas) {
    app.get(spa.prefix.replace(/\/$/, ''), async (_req, reply) => reply.redirect(spa.prefix));
    if (!existsSync(join(spa.root, 'index.html'))) continue;
    await app.register(async (scope) => {
      await scope.register(fastifyStatic, {
        root: spa.root,
        prefix: spa.prefix,
        index: ['index.html'],
        // The build writes .br and .gz beside each asset; the browser's Accept-Encoding picks.
        preCompressed: true,
        // Hashed assets never change; index.html must always be fresh.
        setHeaders(res, path) {
          for (const [name, value] of Object.entries(SPA_HEADERS)) res.header(name, value);
          res.header(
            'cache-control',
            path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    });
  }

  app.setNotFoundHandler(async (req, reply) => {
    const spa = spas.find((s) => req.url.startsWith(s.prefix));
    if (!spa || req.method !== 'GET' || req.url.startsWith(`${spa.prefix}assets/`)) {
      return reply
        .code(404)
        .send({ error: { code: 'NOT_FOUND', appCode: 'NOT_FOUND', message: 'not found' } });
    }
    const index = join(spa.root, 'index.html');
    if (!existsSync(index)) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('This app is not built yet. Run `pnpm build` (or `pnpm start`, which builds what is missing).');
    }
    for (const [name, value] of Object.entries(SPA_HEADERS)) reply.header(name, value);
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(createReadStream(index));
  });
}
