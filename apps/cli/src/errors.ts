import { TRPCError } from '@trpc/server';

/** An error the user caused: printed as one line, exit code 1, no stack. */
export class CliError extends Error {}

export function describeError(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof TRPCError) {
    const cause = error.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined;
    if (cause?.issues)
      return cause.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n');
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
