import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUpgrade, levelRank, STATUS_LEVELS, termEndsSoon, termIsCurrent, upgradeTargets } from './levels';

describe('status levels', () => {
  it('upgrades only upward, one step at a time (city_model optional)', () => {
    expect(upgradeTargets('none')).toEqual(['county']);
    expect(upgradeTargets('city')).toEqual(['city_model', 'provincial']);
    expect(upgradeTargets('national')).toEqual([]);
    fc.assert(
      fc.property(fc.constantFrom(...STATUS_LEVELS), fc.constantFrom(...STATUS_LEVELS), (from, to) => {
        if (!isUpgrade(from, to)) return;
        const skipped = levelRank(to) - levelRank(from);
        expect(skipped).toBeGreaterThan(0);
        // Skipping is allowed only over the optional city_model step.
        expect(skipped === 1 || (from === 'city' && to === 'provincial')).toBe(true);
      }),
    );
  });

  it('knows when a term is current and when it ends soon', () => {
    expect(termIsCurrent({ startYear: 2024, endYear: 2026 }, 2026)).toBe(true);
    expect(termIsCurrent({ startYear: 2024, endYear: 2026 }, 2027)).toBe(false);
    expect(termIsCurrent({ startYear: null, endYear: null }, 2026)).toBe(false);
    expect(termEndsSoon(2027, 2026)).toBe(true);
    expect(termEndsSoon(2029, 2026)).toBe(false);
    expect(termEndsSoon(2025, 2026)).toBe(false);
  });
});
