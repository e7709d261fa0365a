import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@wenming/ui';
import { useCallback } from 'react';

/**
 * A task or plan change moves the campaign's progress and what blocks its next step, so
 * everything derived from it is fetched again.
 */
export function useInvalidateCampaign() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries(trpc.task.list.pathFilter());
    void queryClient.invalidateQueries(trpc.campaign.get.pathFilter());
    void queryClient.invalidateQueries(trpc.campaign.list.pathFilter());
    void queryClient.invalidateQueries(trpc.campaign.rollup.pathFilter());
  }, [queryClient, trpc]);
}
