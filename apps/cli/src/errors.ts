import { TRPCError } from '@trpc/server';

/** An error the user caused: printed as one line, exit code 1, no stack. */
export class CliError extends Error {}

interface Cause {
  issues?: { path: PropertyKey[]; message: string }[];
  params?: { problems?: unknown };
}

/** What went wrong, in words: zod issues by field, or an import's list of problems by path. */
export function describeError(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof TRPCError) {
    const cause = error.cause as Cause | undefined;
    if (cause?.issues)
      return cause.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n');
    const problems = cause?.params?.problems;
    if (Array.isArray(problems) && problems.every((p) => typeof p === 'string')) {
      return [error.message, ...problems.map((p) => `  ${p}`)].join('\n');
    }
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
