import { describe, expect, it } from 'vitest';
import { periods, rankBy } from './rules';

const row = (unitName: string, readiness: number | null) => ({
  unitName,
  readiness,
  taskCompletion: null,
  satisfaction: null,
  rectificationOnTime: null,
  score: null,
});

describe('rankBy', () => {
  it('shares a rank between equal values and skips the next ones, the unranked last', () => {
    const ranked = rankBy([row('丙', 0.5), row('甲', 0.9), row('乙', null), row('丁', 0.9)], 'readiness');
    expect(ranked.map((r) => `${r.rank}:${r.unitName}`)).toEqual(['1:丁', '1:甲', '3:丙', 'null:乙']);
  });

  it('ranks ascending when asked, still leaving units without a value out', () => {
    const ranked = rankBy([row('a', 0.2), row('b', null), row('c', 0.1)], 'readiness', 'asc');
    expect(ranked.map((r) => `${r.rank}:${r.unitName}`)).toEqual(['1:c', '2:a', 'null:b']);
  });
});

describe('periods', () => {
  it('covers the last 12 months up to today by default, across the year boundary', () => {
    const p = periods('month', '2027-03-15');
    expect(p).toHaveLength(12);
    expect(p[0]).toEqual({ period: '2026-04', start: '2026-04-01', end: '2026-04-30' });
    expect(p.at(-1)).toEqual({ period: '2027-03', start: '2027-03-01', end: '2027-03-31' });
    expect(p.find((x) => x.period === '2027-02')?.end).toBe('2027-02-28');
  });

  it('takes an explicit range and clips a long one to its last 60 periods', () => {
    expect(periods('year', '2027-03-15', '2024-06-01').map((p) => p.period)).toEqual([
      '2024',
      '2025',
      '2026',
      '2027',
    ]);
    const long = periods('month', '2027-03-15', '1990-01-01', '2027-03-31');
    expect(long).toHaveLength(60);
    expect(long.at(-1)?.period).toBe('2027-03');
    expect(periods('year', '2027-01-01', '1949-01-01')).toHaveLength(60);
  });
});
