import { useQuery } from '@tanstack/react-query';
import { useMe, useTRPC } from '@wenming/ui';

/**
 * The unit's campaign: the open one, else the latest (decided or withdrawn), else none.
 * A unit has at most one open campaign, so the first of the open list is it.
 */
export function useCurrentCampaign() {
  const trpc = useTRPC();
  const unitId = useMe().scope.unitId ?? undefined;
  const open = useQuery({
    ...trpc.campaign.list.queryOptions({ unitId, open: true, limit: 1 }),
    enabled: Boolean(unitId),
  });
  const noneOpen = open.data?.items.length === 0;
  const latest = useQuery({
    ...trpc.campaign.list.queryOptions({ unitId, limit: 1 }),
    enabled: Boolean(unitId) && noneOpen,
  });
  const summary = open.data?.items[0] ?? (noneOpen ? latest.data?.items[0] : undefined);
  const campaign = useQuery({
    ...trpc.campaign.get.queryOptions({ id: summary?.id ?? '' }),
    enabled: Boolean(summary),
  });
  const listError = open.error ?? latest.error;
  const listPending = open.isPending || (noneOpen && latest.isPending);
  return {
    unitId,
    /** Nothing open: the unit may start a new campaign (if the user is allowed to). */
    noneOpen,
    campaign: campaign.data,
    pending: Boolean(unitId) && (listPending || (Boolean(summary) && campaign.isPending)),
    error: listError ?? campaign.error,
    refetch: () => {
      void open.refetch();
      if (summary) void campaign.refetch();
    },
  };
}
