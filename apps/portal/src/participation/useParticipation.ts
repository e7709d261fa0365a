import { useQueryClient } from '@tanstack/react-query';
import { useMe, useTRPC } from '@wenming/ui';
import { useCallback } from 'react';
import { useCurrentCampaign } from '../campaign/useCurrentCampaign';

/**
 * What every participation page needs: the reader's unit, and the campaign new suggestions
 * and write-ups are filed under (only an open one takes them).
 */
export function useParticipation() {
  const me = useMe();
  const current = useCurrentCampaign();
  const campaign = current.campaign;
  const open =
    campaign && campaign.phase !== 'decided' && campaign.phase !== 'withdrawn' ? campaign : undefined;
  return { unitId: me.scope.unitId ?? undefined, campaign, openCampaign: open, pending: current.pending };
}

export function useInvalidateParticipation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries(trpc.suggestion.list.pathFilter());
    void queryClient.invalidateQueries(trpc.writeup.list.pathFilter());
    void queryClient.invalidateQueries(trpc.selection.pathFilter());
    // A published selection files an evidence item.
    void queryClient.invalidateQueries(trpc.evidence.pathFilter());
    void queryClient.invalidateQueries(trpc.ledger.pathFilter());
  }, [queryClient, trpc]);
}
