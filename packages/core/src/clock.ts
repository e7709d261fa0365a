/**
 * Time comes through a clock so that rules about deadlines and terms can be tested at
 * any date. The server clock is the only source of capture times.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next);
    },
  };
}

/** Calendar year of a date in China Standard Time, where terms and deadlines are reckoned. */
export function yearInChina(date: Date): number {
  return new Date(date.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** Today's date (YYYY-MM-DD) in China Standard Time: deadlines fall due by the local calendar. */
export function todayInChina(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
