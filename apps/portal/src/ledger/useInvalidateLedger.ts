import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@wenming/ui';
import { useCallback } from 'react';

/** Filing, revising or retracting moves readiness, gaps, duties and the term comparison: all are fetched again. */
export function useInvalidateLedger() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries(trpc.evidence.pathFilter());
    void queryClient.invalidateQueries(trpc.ledger.pathFilter());
    void queryClient.invalidateQueries(trpc.duty.pathFilter());
  }, [queryClient, trpc]);
}
