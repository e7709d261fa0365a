import { acceptAnswer, readAnswerBody } from '@wenming/api';
import { AppError, systemClock } from '@wenming/core';
import type { FastifyInstance } from 'fastify';
import type { ServerOptions } from './app';
import { toHttpError } from './http-errors';

const STORED = '{"ok":true}';

/**
 * `POST /api/public/surveys/:token/answers` with `{respondent, answers}`: what the public
 * survey page sends, answered `201 {"ok":true}` once the answer is committed, or an error
 * shaped like the other plain routes' (`error.appCode`, `error.fields`). The busiest public
 * write, so it skips what a signed-in call needs (tRPC, the session lookup, abilities); the
 * rules are the tRPC `survey.answer`'s, in the same function.
 */
export function registerPublicAnswers(
  app: FastifyInstance,
  options: Pick<ServerOptions, 'database' | 'clock'>,
) {
  const deps = { db: options.database.db, clock: options.clock ?? systemClock };
  app.post<{ Params: { token: string } }>('/api/public/surveys/:token/answers', async (req, reply) => {
    try {
      // A cross-site form can post text/plain without asking first: only JSON is an answer.
      if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? ''))
        throw new AppError('BAD_REQUEST', { message: 'send the answers as application/json' });
      await acceptAnswer(deps, req.params.token, readAnswerBody(req.body), req.ip);
      return reply.code(201).header('cache-control', 'no-store').type('application/json').send(STORED);
    } catch (error) {
      const { status, body } = toHttpError(error, req.log);
      return reply.code(status).header('cache-control', 'no-store').send(body);
    }
  });
}
