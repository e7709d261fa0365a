import fastifyMultipart from '@fastify/multipart';
import { createContext, storeUpload } from '@wenming/api';
import { AppError } from '@wenming/core';
import { DEFAULT_MAX_BYTES } from '@wenming/storage';
import type { FastifyInstance } from 'fastify';
import type { ServerOptions } from './app';
import { cookieJar } from './cookies';
import { toHttpError } from './http-errors';

/**
 * `POST /api/files` (multipart, one file): streams an evidence file into the store and
 * answers `{sha256, bytes, mime, name}` for a following evidence.create. The body is never
 * buffered whole; an oversize, empty or refused file leaves nothing behind.
 */
export async function registerUploads(app: FastifyInstance, options: ServerOptions) {
  const maxBytes = options.maxUploadBytes ?? DEFAULT_MAX_BYTES;
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 0, fileSize: maxBytes + 1, parts: 2 } });
  app.post('/api/files', async (req, reply) => {
    try {
      const ctx = await createContext(
        { db: options.database.db, engine: options.database.engine, clock: options.clock, log: req.log },
        {
          cookies: cookieJar(req, reply, options.cookieSecure),
          request: { ip: req.ip, userAgent: req.headers['user-agent'] },
        },
      );
      if (!ctx.user) throw new AppError('UNAUTHORIZED', { message: 'please sign in' });
      if (!req.isMultipart())
        throw new AppError('BAD_REQUEST', { message: 'send the file as multipart/form-data' });
      const part = await req.file();
      if (!part) throw new AppError('BAD_REQUEST', { message: 'no file in the request' });
      // Not in a tenant-scoped transaction: the upload may take minutes on a phone, and its
      // one row (in `files`, keyed by content hash) belongs to no tenant.
      const stored = await storeUpload({ ...ctx, user: ctx.user }, options.store, {
        stream: part.file,
        name: part.filename,
        maxBytes,
      });
      return reply.code(201).send(stored);
    } catch (error) {
      const { status, body } = toHttpError(error, req.log);
      return reply.code(status).send(body);
    }
  });
}
