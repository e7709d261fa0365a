import type { TAssessment } from '@wenming/ui';
import { describe, expect, it } from 'vitest';
import { conferralBlockers } from './blockers';

const passing = {
  result: {
    basic: 90,
    basicMax: 100,
    bonus: 0,
    bonusMax: 0,
    total: 90,
    categories: [],
    unscored: 0,
    vetoed: false,
    passed: true,
  },
  ranking: { rank: 1, of: 3, withinQuota: true },
  settings: { passThreshold: 85 },
  notice: {
    noticeId: 'n',
    startsOn: '2026-11-01',
    endsOn: '2026-11-07',
    openObjections: 0,
    upheldObjections: 0,
  },
} as unknown as TAssessment;

const codes = (a: Partial<TAssessment>, on = '2026-11-20') =>
  conferralBlockers({ ...passing, ...a } as TAssessment, on).map((b) => b.code);

describe('why a conferral is blocked, as the decision screen lists it', () => {
  it('lists nothing when the result passes inside the quota after a closed, clean notice', () => {
    expect(codes({})).toEqual([]);
  });

  it('names every missing condition at once, with the figures its message needs', () => {
    const blocked = conferralBlockers(
      {
        ...passing,
        result: { ...passing.result!, unscored: 2, total: 70, passed: false },
        notice: { ...passing.notice!, endsOn: '2026-11-25', openObjections: 1, upheldObjections: 1 },
      } as TAssessment,
      '2026-11-20',
    );
    expect(blocked).toEqual([
      { code: 'ASSESSMENT_INCOMPLETE', params: { count: 2 } },
      { code: 'BELOW_THRESHOLD', params: { total: 70, threshold: 85 } },
      { code: 'NOTICE_WINDOW_OPEN', params: { endsOn: '2026-11-25' } },
      { code: 'OBJECTIONS_OPEN', params: { count: 1 } },
      { code: 'OBJECTION_UPHELD', params: {} },
    ]);
  });

  it('says a veto fails the campaign instead of calling its score too low', () => {
    expect(codes({ result: { ...passing.result!, vetoed: true, passed: false } })).toEqual([
      'VETO_CONFIRMED',
    ]);
  });

  it('asks for a pass mark when there is none, and for a notice when none names the campaign', () => {
    expect(codes({ result: { ...passing.result!, passed: null }, notice: null })).toEqual([
      'NO_PASS_THRESHOLD',
      'NOTICE_REQUIRED',
    ]);
  });

  it('counts the quota only for a passing campaign, and the notice’s last day as still open', () => {
    expect(codes({ ranking: { rank: 3, of: 3, withinQuota: false } })).toEqual(['OUTSIDE_QUOTA']);
    expect(
      codes({
        result: { ...passing.result!, passed: false, total: 80 },
        ranking: { rank: 3, of: 3, withinQuota: false },
      }),
    ).toEqual(['BELOW_THRESHOLD']);
    expect(codes({}, '2026-11-07')).toEqual(['NOTICE_WINDOW_OPEN']);
    expect(codes({}, '2026-11-08')).toEqual([]);
  });
});
