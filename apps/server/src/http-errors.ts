import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { toTRPCError } from '@wenming/api';
import { isAppError } from '@wenming/core';
import type { FastifyBaseLogger } from 'fastify';

/** The JSON error a plain HTTP route answers, shaped like tRPC's `error.data` so one UI handler reads both. */
export function toHttpError(error: unknown, log: FastifyBaseLogger) {
  const mapped = toTRPCError(error);
  const internal = mapped.code === 'INTERNAL_SERVER_ERROR';
  if (internal) log.error({ err: error }, 'request failed');
  const cause = mapped.cause;
  return {
    status: getHTTPStatusCodeFromError(mapped),
    body: {
      error: {
        code: mapped.code,
        appCode: isAppError(cause) ? cause.code : internal ? 'INTERNAL' : mapped.code,
        message: internal ? 'internal error' : mapped.message,
        fields: isAppError(cause) ? (cause.fields ?? null) : null,
      },
    },
  };
}
