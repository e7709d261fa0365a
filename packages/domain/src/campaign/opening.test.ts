import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_LEVELS } from '../status/levels';
import { checkOpening } from './opening';

const base = { termStartYear: 2027, termEndYear: 2029, hasOpenCampaign: false } as const;

describe('opening a campaign', () => {
  it('upgrades one level at a time, with city_model optional', () => {
    expect(checkOpening({ ...base, current: 'city', kind: 'upgrade', target: 'provincial' })).toEqual([]);
    expect(checkOpening({ ...base, current: 'city', kind: 'upgrade', target: 'city_model' })).toEqual([]);
    expect(checkOpening({ ...base, current: 'county', kind: 'upgrade', target: 'provincial' })).toEqual([
      { code: 'UPGRADE_NOT_NEXT_LEVEL', allowed: ['city'] },
    ]);
    expect(
      checkOpening({ ...base, current: 'national', kind: 'upgrade', target: 'national' })[0],
    ).toMatchObject({
      code: 'UPGRADE_NOT_NEXT_LEVEL',
      allowed: [],
    });
  });

  it('renews only the level the unit holds', () => {
    expect(checkOpening({ ...base, current: 'provincial', kind: 'renewal', target: 'provincial' })).toEqual(
      [],
    );
    expect(checkOpening({ ...base, current: 'provincial', kind: 'renewal', target: 'national' })).toEqual([
      { code: 'RENEWAL_CHANGES_LEVEL', current: 'provincial' },
    ]);
    expect(checkOpening({ ...base, current: 'none', kind: 'renewal', target: 'none' })).toEqual([
      { code: 'NOTHING_TO_RENEW' },
    ]);
  });

  it('allows one open campaign per unit and sane terms', () => {
    expect(
      checkOpening({ ...base, hasOpenCampaign: true, current: 'none', kind: 'upgrade', target: 'county' }),
    ).toEqual([{ code: 'CAMPAIGN_ALREADY_OPEN' }]);
    expect(
      checkOpening({
        ...base,
        termStartYear: 2029,
        termEndYear: 2027,
        current: 'none',
        kind: 'upgrade',
        target: 'county',
      }),
    ).toEqual([{ code: 'TERM_INVALID' }]);
  });

  it('accepts exactly the pairs the level rules allow, for every level', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUS_LEVELS),
        fc.constantFrom(...STATUS_LEVELS),
        fc.constantFrom('renewal', 'upgrade' as const),
        (current, target, kind) => {
          const ok = checkOpening({ ...base, current, target, kind }).length === 0;
          const rank = (l: string) => STATUS_LEVELS.indexOf(l as never);
          if (kind === 'renewal') expect(ok).toBe(current !== 'none' && current === target);
          else
            expect(ok).toBe(
              rank(target) - rank(current) === 1 || (current === 'city' && target === 'provincial'),
            );
        },
      ),
    );
  });
});
