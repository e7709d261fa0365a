import { ForbiddenError } from '@casl/ability';
import { TRPCError } from '@trpc/server';
import { AppError, isAppError } from '@wenming/core';
import type { ZodError } from 'zod';

/** Postgres SQLSTATEs that mean the request, not the server, was at fault. */
const PG_STATE_TO_ERROR: Record<string, [AppError['code'], string]> = {
  '23505': ['CONFLICT', 'a record with the same key already exists'],
  '23503': ['BAD_REQUEST', 'a referenced record does not exist'],
  '23514': ['BAD_REQUEST', 'a value is outside the allowed range'],
  '22001': ['BAD_REQUEST', 'a value is too long'],
  '22P02': ['BAD_REQUEST', 'a value has the wrong format'],
  '40001': ['CONFLICT', 'the record was changed concurrently, try again'],
  '55000': ['CONFLICT', 'this record cannot be changed'],
};

function pgState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Maps whatever a resolver threw to the tRPC error a client should see. */
export function toTRPCError(error: unknown): TRPCError {
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  if (isAppError(cause)) {
    return new TRPCError({ code: cause.transportCode, message: cause.message, cause });
  }
  if (cause instanceof ForbiddenError) {
    const app = new AppError('FORBIDDEN', {
      message: 'you may not do this',
      params: { action: String(cause.action) },
    });
    return new TRPCError({ code: 'FORBIDDEN', message: app.message, cause: app });
  }
  const state = pgState(cause);
  if (state && PG_STATE_TO_ERROR[state]) {
    const [code, message] = PG_STATE_TO_ERROR[state]!;
    const app = new AppError(code, { message, cause });
    return new TRPCError({ code: app.transportCode, message, cause: app });
  }
  if (error instanceof TRPCError) return error;
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'internal error', cause: error });
}

/** Field messages keyed by dotted path, from a zod failure. */
export function fieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
