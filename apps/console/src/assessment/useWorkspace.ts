import { useQueryClient } from '@tanstack/react-query';
import { type TAssessment, useTRPC } from '@wenming/ui';
import { useCallback } from 'react';

/**
 * Every assessment write answers the whole workspace as the caller now sees it: put it in the
 * cache instead of asking again, and let lists and the register catch up.
 */
export function useApplyWorkspace(campaignId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (updated: TAssessment) => {
      queryClient.setQueryData(trpc.assessment.get.queryKey({ campaignId }), updated);
      void queryClient.invalidateQueries({ queryKey: trpc.assessment.list.queryKey() });
    },
    [queryClient, trpc, campaignId],
  );
}
