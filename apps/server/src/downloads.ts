import type { OutgoingHttpHeaders } from 'node:http';
import { TRPCError } from '@trpc/server';
import { createContext, type DownloadKind, downloads, inTenantScope } from '@wenming/api';
import type { FastifyInstance } from 'fastify';
import type { ServerOptions } from './app';
import { cookieJar } from './cookies';
import { toHttpError } from './http-errors';

/**
 * `GET /api/download/<kind>?…`: exports as real file downloads (the browser saves them with
 * their name). The caller's session and permissions apply exactly as on /trpc.
 */
export function registerDownloads(app: FastifyInstance, options: ServerOptions) {
  app.get<{ Params: { kind: string }; Querystring: Record<string, string> }>(
    '/api/download/:kind',
    async (req, reply) => {
      const entry = downloads[req.params.kind as DownloadKind];
      if (!entry)
        return reply
          .code(404)
          .send({ error: { code: 'NOT_FOUND', appCode: 'NOT_FOUND', message: 'no such download' } });
      const ctx = await createContext(
        { db: options.database.db, engine: options.database.engine, clock: options.clock, log: req.log },
        {
          cookies: cookieJar(req, reply, options.cookieSecure),
          request: { ip: req.ip, userAgent: req.headers['user-agent'] },
        },
      );
      try {
        if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'please sign in' });
        const query = entry.query.safeParse(req.query);
        if (!query.success)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: 'invalid download parameters',
            cause: query.error,
          });
        // Rows are read under row-level security; a file's bytes stream after the commit.
        const file = await inTenantScope({ ...ctx, user: ctx.user }, (scoped) =>
          entry.run(scoped, query.data as never, {
            store: options.store,
            publicUrl: options.publicUrl ?? `${req.protocol}://${req.headers.host}`,
          }),
        );
        // Known sizes (e.g. a ledger archive) let the browser show real progress.
        if (file.size !== undefined) reply.header('content-length', file.size);
        reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('cache-control', 'no-store');
        if (!file.writeTo) return reply.send(file.body);
        // The body writes itself into the response, reusing its buffers as each is sent.
        const res = reply.hijack().raw;
        res.writeHead(200, reply.getHeaders() as OutgoingHttpHeaders);
        await file.writeTo(res).then(
          () => res.end(),
          (error: unknown) => {
            if (!res.destroyed) req.log.error({ err: error }, 'download failed after it started');
            res.destroy();
          },
        );
        return reply;
      } catch (error) {
        const { status, body } = toHttpError(error, req.log);
        return reply.code(status).send(body);
      }
    },
  );
}
