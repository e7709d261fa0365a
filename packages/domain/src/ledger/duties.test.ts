import { describe, expect, it } from 'vitest';
import { dutyPeriods, periodStatus } from './duties';

describe('recurring duties', () => {
  it('cut calendar-aligned periods', () => {
    expect(dutyPeriods('quarterly', '2027-02-10', '2027-08-01')).toEqual([
      { start: '2027-01-01', end: '2027-04-01' },
      { start: '2027-04-01', end: '2027-07-01' },
      { start: '2027-07-01', end: '2027-10-01' },
    ]);
    expect(dutyPeriods('monthly', '2027-11-05', '2028-01-15').map((p) => p.start)).toEqual([
      '2027-11-01',
      '2027-12-01',
      '2028-01-01',
    ]);
    expect(dutyPeriods('yearly', '2027-06-01', '2027-06-01')).toEqual([
      { start: '2027-01-01', end: '2028-01-01' },
    ]);
    expect(dutyPeriods('yearly', '2027-06-01', '2026-12-31')).toEqual([]);
  });

  it('are met by evidence inside the period, missing once it is over, upcoming before', () => {
    const q = { start: '2027-01-01', end: '2027-04-01' };
    expect(periodStatus(q, '2027-05-01', ['2027-03-31'])).toBe('met');
    expect(periodStatus(q, '2027-05-01', ['2027-04-01'])).toBe('missing');
    expect(periodStatus(q, '2027-03-15', [])).toBe('upcoming');
  });
});
