import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';

/** Awaits a call expected to fail and returns its tRPC and application codes. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; appCode: string | undefined }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const e = error as TRPCError;
    const cause = e.cause as { code?: string } | undefined;
    return { code: e.code, appCode: typeof cause?.code === 'string' ? cause.code : undefined };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
