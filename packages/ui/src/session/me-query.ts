import { useQuery } from '@tanstack/react-query';
import { isSignedOutError } from '../api/errors';
import { useTRPCClient } from '../api/trpc';

/** `null` means "nobody is signed in", which is an answer, not an error. */
export const ME_QUERY_KEY = ['session', 'me'] as const;

export function useMeQuery() {
  const client = useTRPCClient();
  return useQuery({
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
  });
}
