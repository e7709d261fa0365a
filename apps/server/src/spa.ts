import { existsSync } from 'node:fs';
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
 * Serves a built single-page app under a prefix; unknown paths below it get index.html so
 * client-side routes survive a reload. A missing build answers a page that says how to build.
 */
export async function mountSpa(app: FastifyInstance, spa: SpaMount) {
  const index = join(spa.root, 'index.html');
  if (!existsSync(index)) {
    app.get(`${spa.prefix}*`, async (_req, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          `This app is not built yet. Run \`pnpm build\` (or \`pnpm start\`, which builds what is missing).`,
        ),
    );
    return;
  }
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: spa.root,
      prefix: spa.prefix,
      wildcard: false,
      index: ['index.html'],
      // Hashed assets never change; index.html must always be fresh.
      setHeaders(res, path) {
        for (const [name, value] of Object.entries(SPA_HEADERS)) res.header(name, value);
        res.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    scope.get(`${spa.prefix}*`, async (_req, reply) => {
      for (const [name, value] of Object.entries(SPA_HEADERS)) reply.header(name, value);
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', spa.root);
    });
  });
}
