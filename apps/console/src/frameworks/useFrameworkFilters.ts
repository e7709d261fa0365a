import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface FrameworkFilters {
  q?: string;
  /** Older versions are hidden unless asked for: campaigns start on the latest. */
  latestOnly: boolean;
}

export function useFrameworkFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<FrameworkFilters>(
    () => ({ q: params.get('q')?.trim() || undefined, latestOnly: params.get('all') !== '1' }),
    [params],
  );
  const update = useCallback(
    (patch: Partial<FrameworkFilters>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if ('q' in patch) {
            if (patch.q?.trim()) next.set('q', patch.q.trim());
            else next.delete('q');
          }
          if ('latestOnly' in patch) {
            if (patch.latestOnly) next.delete('all');
            else next.set('all', '1');
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { filters, update };
}
