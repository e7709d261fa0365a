import { todayInChina } from '@wenming/core';

export type { TFrameworkFile } from '@wenming/domain';

/** A date `days` from `now` in China, for demo deadlines that stay current whenever the demo is seeded. */
export function todayShift(now: Date, days: number): string {
  return todayInChina(new Date(now.getTime() + days * 86_400_000));
}
