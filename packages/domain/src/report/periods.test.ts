import { describe, expect, it } from 'vitest';
import { noticeWindow } from '../notice/window';
import { reportPeriods, reportStatus } from './periods';

describe('report periods', () => {
  it('asks for every calendar period begun by today, due on the given day of the month after', () => {
    expect(reportPeriods('quarterly', '2027-02-15', 10, '2027-07-01')).toEqual([
      { key: '2027-01-01', start: '2027-01-01', end: '2027-03-31', dueOn: '2027-04-10' },
      { key: '2027-04-01', start: '2027-04-01', end: '2027-06-30', dueOn: '2027-07-10' },
      { key: '2027-07-01', start: '2027-07-01', end: '2027-09-30', dueOn: '2027-10-10' },
    ]);
    expect(reportPeriods('yearly', '2026-01-01', 28, '2026-12-31').map((p) => p.dueOn)).toEqual([
      '2027-01-28',
    ]);
    expect(reportPeriods('monthly', '2027-03-01', 5, '2027-02-28')).toEqual([]);
  });

  it('is overdue only after the due day, and never once filed', () => {
    expect(reportStatus('2027-04-10', false, '2027-04-10')).toBe('due');
    expect(reportStatus('2027-04-10', false, '2027-04-11')).toBe('overdue');
    expect(reportStatus('2027-04-10', true, '2027-09-01')).toBe('filed');
  });
});

describe('notice window', () => {
  it('is open from its first day through its last, both included', () => {
    expect(noticeWindow('2027-06-02', '2027-06-08', '2027-06-01')).toBe('upcoming');
    expect(noticeWindow('2027-06-02', '2027-06-08', '2027-06-02')).toBe('open');
    expect(noticeWindow('2027-06-02', '2027-06-08', '2027-06-08')).toBe('open');
    expect(noticeWindow('2027-06-02', '2027-06-08', '2027-06-09')).toBe('closed');
  });
});
