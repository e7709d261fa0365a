/** Civilized status levels, lowest first. `city_model` (市级文明标兵) sits between city and provincial. */
export const STATUS_LEVELS = ['none', 'county', 'city', 'city_model', 'provincial', 'national'] as const;
export type StatusLevel = (typeof STATUS_LEVELS)[number];

export const STATUS_ACTIONS = [
  'initial',
  'conferral',
  'renewal',
  'retain',
  'yellow_card',
  'restore',
  'suspension',
  'revocation',
  'lapse',
] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

export function levelRank(level: StatusLevel): number {
  return STATUS_LEVELS.indexOf(level);
}

/**
 * The levels a unit may campaign for next from `current`: one step up. `city_model` is an
 * optional step, so a city-level unit may go to `city_model` or straight to `provincial`.
 */
export function upgradeTargets(current: StatusLevel): StatusLevel[] {
  switch (current) {
    case 'none':
      return ['county'];
    case 'county':
      return ['city'];
    case 'city':
      return ['city_model', 'provincial'];
    case 'city_model':
      return ['provincial'];
    case 'provincial':
      return ['national'];
    case 'national':
      return [];
  }
}

export function isUpgrade(from: StatusLevel, to: StatusLevel): boolean {
  return upgradeTargets(from).includes(to);
}

/** A term is current in `year` when it has started and not yet ended (届满 at the end year). */
export function termIsCurrent(
  term: { startYear: number | null; endYear: number | null },
  year: number,
): boolean {
  return term.startYear !== null && term.endYear !== null && term.startYear <= year && year <= term.endYear;
}

/** Terms ending this year or next need a renewal campaign opened. */
export function termEndsSoon(endYear: number | null, year: number): boolean {
  return endYear !== null && endYear >= year && endYear <= year + 1;
}
