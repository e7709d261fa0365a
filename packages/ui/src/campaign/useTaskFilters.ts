import { TASK_STATUSES, type TTask, type ZListTasks } from '@wenming/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';

export interface TaskFilters {
  q?: string;
  departmentId?: string;
  indicatorId?: string;
  status?: TTask['status'];
  overdue?: boolean;
}

const PARAMS = {
  q: 'q',
  departmentId: 'dept',
  indicatorId: 'indicator',
  status: 'status',
  overdue: 'overdue',
};

/** Task filters live in the query string, so a filtered list can be shared and survives a reload. */
export function useTaskFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<TaskFilters>(
    () => ({
      q: params.get(PARAMS.q)?.trim() || undefined,
      departmentId: params.get(PARAMS.departmentId) || undefined,
      indicatorId: params.get(PARAMS.indicatorId) || undefined,
      status: TASK_STATUSES.find((s) => s === params.get(PARAMS.status)),
      overdue: params.get(PARAMS.overdue) === '1' ? true : undefined,
    }),
    [params],
  );
  const update = useCallback(
    (patch: Partial<TaskFilters>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, name] of Object.entries(PARAMS) as [keyof TaskFilters, string][]) {
            if (!(key in patch)) continue;
            const value = patch[key];
            if (value === undefined || value === '' || value === false) next.delete(name);
            else next.set(name, value === true ? '1' : String(value).trim());
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const clear = useCallback(
    () =>
      update({
        q: undefined,
        departmentId: undefined,
        indicatorId: undefined,
        status: undefined,
        overdue: undefined,
      }),
    [update],
  );
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return { filters, update, clear, filtered };
}

export function taskListInput(
  campaignId: string,
  filters: TaskFilters,
  cursor?: string,
): z.input<typeof ZListTasks> {
  return { campaignId, ...filters, cursor, limit: 200 };
}
