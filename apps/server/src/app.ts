import fastifyCookie from '@fastify/cookie';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { type AppRouter, appRouter, createContext, SessionMemory } from '@wenming/api';
import type { Clock } from '@wenming/core';
import type { Database } from '@wenming/db';
import type { BlobStore } from '@wenming/storage';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { cookieJar } from './cookies';
import { registerDownloads } from './downloads';
import { registerPublicAnswers } from './public-answers';
import { refuseCrossOrigin } from './security';
import { mountSpas, type SpaMount } from './spa';
import { registerUploads } from './uploads';

export interface ServerOptions {
  database: Database;
  /** A read replica for analytics (DATABASE_READ_URL); default: `database`. */
  readDatabase?: Database | undefined;
  /** Where evidence files live. */
  store: BlobStore;
  /** The address the public reaches the platform at (survey links); default: the request's own. */
  publicUrl?: string | undefined;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes?: number;
  clock?: Clock;
  spas?: SpaMount[];
  cookieSecure?: 'auto' | 'true' | 'false';
  trustProxy?: boolean;
  logger?: boolean | { level: string };
  /** Streams a test can read to prove no secret reaches the log. */
  logStream?: NodeJS.WritableStream;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { database } = options;
  const level = typeof options.logger === 'object' ? options.logger.level : 'info';
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Sessions and passwords never reach the log.
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
              '*.password',
            ],
          },
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 5000 },
  });

  await app.register(fastifyCookie);
  refuseCrossOrigin(app);

  app.get('/api/health', async (_req, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      return { ok: true, db: database.engine };
    } catch {
      return reply.code(503).send({ ok: false, db: database.engine });
    }
  });

  registerPublicAnswers(app, options);

  // One instance's memory of recent sessions; every request still confirms its own (see SessionMemory).
  const sessions = new SessionMemory(database.db);
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) =>
        createContext(
          {
            db: database.db,
            readDb: options.readDatabase?.db ?? database.db,
            engine: database.engine,
            clock: options.clock,
            log: req.log,
            sessions,
          },
          {
            cookies: cookieJar(req, res, options.cookieSecure),
            request: {
              ip: req.ip,
              userAgent: req.headers['user-agent'],
              publicUrl: options.publicUrl ?? `${req.protocol}://${req.headers.host}`,
            },
          },
        ),
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  registerDownloads(app, options);
  await registerUploads(app, options);
  await mountSpas(app, options.spas ?? []);
  app.get('/', async (_req, reply) => reply.redirect('/console/'));
  return app;
}
