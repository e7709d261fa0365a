import { CAMPAIGN_PHASES, type CampaignPhase } from '@wenming/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface CampaignFilters {
  q?: string;
  officeId?: string;
  phase?: CampaignPhase;
  open?: boolean;
}

/** Filters in the query string: a list of "everything submitted in 云山区" can be bookmarked and shared. */
export function useCampaignFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<CampaignFilters>(
    () => ({
      q: params.get('q')?.trim() || undefined,
      officeId: params.get('office') || undefined,
      phase: CAMPAIGN_PHASES.find((p) => p === params.get('phase')),
      open: params.get('open') === '1' ? true : undefined,
    }),
    [params],
  );
  const update = useCallback(
    (patch: Partial<CampaignFilters>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          const set = (key: string, value: string | undefined) =>
            value ? next.set(key, value) : next.delete(key);
          if ('q' in patch) set('q', patch.q?.trim());
          if ('officeId' in patch) set('office', patch.officeId);
          if ('phase' in patch) set('phase', patch.phase);
          if ('open' in patch) set('open', patch.open ? '1' : undefined);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const clear = useCallback(
    () => update({ q: undefined, officeId: undefined, phase: undefined, open: undefined }),
    [update],
  );
  const filtered = Boolean(filters.q || filters.officeId || filters.phase || filters.open);
  return { filters, update, clear, filtered };
}
