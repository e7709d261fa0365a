import {
  STATUS_LEVELS,
  type StatusLevel,
  type TListUnits,
  UNIT_SORTS,
  UNIT_TYPES,
  type UnitType,
} from '@wenming/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type UnitSort = (typeof UNIT_SORTS)[number];

export interface UnitFilters {
  q?: string;
  officeId?: string;
  type?: UnitType;
  level?: StatusLevel;
  sort: UnitSort;
  direction: 'asc' | 'desc';
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/** The register's filters as a query string holds them. Unknown values are ignored, not errors. */
export function unitFiltersFrom(params: URLSearchParams): UnitFilters {
  return {
    q: params.get('q')?.trim() || undefined,
    officeId: params.get('office') || undefined,
    type: oneOf(UNIT_TYPES, params.get('type')),
    level: oneOf(STATUS_LEVELS, params.get('level')),
    sort: oneOf(UNIT_SORTS, params.get('sort')) ?? 'name',
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/**
 * Filters live in the query string, so a filtered register can be bookmarked, shared and
 * reached again with the browser's back button.
 */
export function useUnitFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => unitFiltersFrom(params), [params]);

  const update = useCallback(
    (patch: Partial<UnitFilters>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          const set = (key: string, value: string | undefined) =>
            value ? next.set(key, value) : next.delete(key);
          if ('q' in patch) set('q', patch.q?.trim());
          if ('officeId' in patch) set('office', patch.officeId);
          if ('type' in patch) set('type', patch.type);
          if ('level' in patch) set('level', patch.level);
          if ('sort' in patch) set('sort', patch.sort === 'name' ? undefined : patch.sort);
          if ('direction' in patch) set('dir', patch.direction === 'desc' ? 'desc' : undefined);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => {
    update({ q: undefined, officeId: undefined, type: undefined, level: undefined });
  }, [update]);

  const filtered = Boolean(filters.q || filters.officeId || filters.type || filters.level);
  return { filters, update, clear, filtered };
}

export function listInput(filters: UnitFilters, cursor: string | undefined): TListUnits {
  return { ...filters, cursor, limit: 20 };
}
