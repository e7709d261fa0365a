import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_ACTIONS, STATUS_LEVELS } from './levels';
import { allowedManagementActions, levelAfter, MANAGEMENT_ACTIONS, standingOf } from './standing';

describe('standing on the status register', () => {
  it('allows no step of dynamic management once a title is revoked, lapsed or never held', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUS_LEVELS),
        fc.constantFrom(...STATUS_ACTIONS, null),
        fc.option(fc.integer({ min: 2015, max: 2035 }), { nil: null }),
        (level, action, endYear) => {
          const standing = standingOf(level, action, { endYear, year: 2027 });
          const allowed = allowedManagementActions(standing);
          if (['revoked', 'lapsed', 'none'].includes(standing)) expect(allowed).toEqual([]);
          // Every step either keeps the level or ends the title; none raises it.
          for (const a of allowed) expect([level, 'none']).toContain(levelAfter(a, level));
        },
      ),
    );
  });

  it('reads yellow cards, expired terms and revocations from the latest entry', () => {
    expect(standingOf('city', 'yellow_card', { endYear: 2028, year: 2027 })).toBe('yellow_card');
    expect(allowedManagementActions('yellow_card')).toEqual(['restore', 'revocation', 'lapse']);
    expect(standingOf('city', 'renewal', { endYear: 2026, year: 2027 })).toBe('expired');
    expect(allowedManagementActions('expired')).toEqual(['lapse']);
    expect(standingOf('none', 'revocation')).toBe('revoked');
    expect(MANAGEMENT_ACTIONS.map((a) => levelAfter(a, 'city'))).toEqual([
      'city',
      'city',
      'city',
      'none',
      'none',
    ]);
  });
});
