import type { StatusAction, StatusLevel } from './levels';

/**
 * Where a unit stands with its title, read from the register's latest entry. Dynamic
 * management (动态管理) during a term moves it between these.
 */
export type Standing = 'none' | 'held' | 'yellow_card' | 'expired' | 'revoked' | 'lapsed';

/** `year`: today's year in China; a term that ended before it, unrenewed, is `expired` (届满). */
export function standingOf(
  level: StatusLevel,
  lastAction: StatusAction | null,
  term?: { endYear: number | null; year: number },
): Standing {
  if (lastAction === 'revocation') return 'revoked';
  if (lastAction === 'lapse') return 'lapsed';
  if (level === 'none') return 'none';
  if (term && term.endYear !== null && term.endYear < term.year) return 'expired';
  if (lastAction === 'yellow_card') return 'yellow_card';
  return 'held';
}

/** The steps of dynamic management an office records on the status register. */
export const MANAGEMENT_ACTIONS = ['retain', 'yellow_card', 'restore', 'revocation', 'lapse'] as const;
export type ManagementAction = (typeof MANAGEMENT_ACTIONS)[number];

const ALLOWED: Record<Standing, readonly ManagementAction[]> = {
  none: [],
  // A re-examination of a title holder retains it, warns, revokes it, or finds it lapsed.
  held: ['retain', 'yellow_card', 'revocation', 'lapse'],
  // A yellow card ends in restoration after rectification, or in revocation.
  yellow_card: ['restore', 'revocation', 'lapse'],
  // The term ran out without a renewal: the title ends (自动终止) unless a renewal is decided.
  expired: ['lapse'],
  revoked: [],
  lapsed: [],
};

export function allowedManagementActions(standing: Standing): readonly ManagementAction[] {
  return ALLOWED[standing];
}

/** After revocation or lapse the unit holds no title; other steps keep the level and term. */
export function levelAfter(action: ManagementAction, level: StatusLevel): StatusLevel {
  return action === 'revocation' || action === 'lapse' ? 'none' : level;
}
