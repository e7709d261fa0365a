import {
  STATUS_LEVELS,
  type StatusLevel,
  type TAnalyticsFilter,
  UNIT_TYPES,
  type UnitType,
} from '@wenming/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/** The search parameters shared by every analytics view (page-specific ones ride along). */
export const FILTER_KEYS = ['office', 'type', 'level', 'term', 'round'] as const;

/**
 * Filters live in the query string, so a view can be bookmarked or sent to a colleague and
 * opens the same. Unknown values are ignored, not errors.
 */
export function useAnalyticsFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<TAnalyticsFilter>(() => {
    const term = Number(params.get('term'));
    const round = oneOf(STATUS_LEVELS, params.get('round'));
    return {
      officeId: params.get('office') || undefined,
      unitType: oneOf(UNIT_TYPES, params.get('type')),
      level: oneOf(STATUS_LEVELS, params.get('level')),
      termStartYear: Number.isInteger(term) && term >= 1949 && term <= 2200 ? term : undefined,
      targetLevel: round && round !== 'none' ? round : undefined,
    };
  }, [params]);

  /** Sets (or, with undefined, removes) query parameters, keeping the others. */
  const set = useCallback(
    (patch: Record<string, string | undefined>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const update = useCallback(
    (patch: {
      officeId?: string;
      unitType?: UnitType;
      level?: StatusLevel;
      termStartYear?: number;
      targetLevel?: StatusLevel;
    }) => {
      const map: Record<string, string | undefined> = {};
      if ('officeId' in patch) map.office = patch.officeId;
      if ('unitType' in patch) map.type = patch.unitType;
      if ('level' in patch) map.level = patch.level;
      if ('termStartYear' in patch) map.term = patch.termStartYear ? String(patch.termStartYear) : undefined;
      if ('targetLevel' in patch) map.round = patch.targetLevel;
      set(map);
    },
    [set],
  );

  const clear = useCallback(() => set(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined]))), [set]);
  const filtered = FILTER_KEYS.some((k) => params.has(k));
  return { filters, params, set, update, clear, filtered };
}
