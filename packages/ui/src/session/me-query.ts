import { useQuery } from '@tanstack/react-query';
import type { TRPCClient } from '@trpc/client';
import type { AppRouter } from '@wenming/api';
import { isSignedOutError } from '../api/errors';
import { useTRPCClient } from '../api/trpc';

/** `null` means "nobody is signed in", which is an answer, not an error. */
export const ME_QUERY_KEY = ['session', 'me'] as const;

export function meQueryOptions(client: TRPCClient<AppRouter>) {
  return {
    queryKey: ME_QUERY_KEY,
    queryFn: async () => {
      try {
        return await client.auth.me.query();
      } catch (error) {
        if (isSignedOutError(error)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  };
}

export function useMeQuery() {
  return useQuery(meQueryOptions(useTRPCClient()));
}
