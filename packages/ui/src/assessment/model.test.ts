import { describe, expect, it } from 'vitest';
import { entryOf, formatPoints, valuesOf } from './model';

describe('score forms', () => {
  it('send only the value of the chosen way of scoring, and nothing while it is empty', () => {
    expect(entryOf({ mode: 'points', points: 8, grade: 'A', deduction: 2 })).toEqual({ points: 8 });
    expect(entryOf({ mode: 'grade', points: 8, grade: 'B' })).toEqual({ grade: 'B' });
    expect(entryOf({ mode: 'deduction', deduction: 0 })).toEqual({ deduction: 0 });
    expect(entryOf({ mode: 'points', points: null })).toBeNull();
    expect(entryOf({ mode: 'grade' })).toBeNull();
  });

  it('reopen a grade as a grade and anything else as points; graded frameworks start on grades', () => {
    expect(valuesOf({ points: 6.6, grade: 'B' }, false)).toEqual({ mode: 'grade', grade: 'B' });
    expect(valuesOf({ points: 7, grade: null }, true)).toEqual({ mode: 'points', points: 7 });
    expect(valuesOf(null, true)).toEqual({ mode: 'grade' });
    expect(valuesOf(null, false)).toEqual({ mode: 'points' });
  });

  it('print points to two decimals at most, and a dash for none', () => {
    expect(formatPoints(94.754)).toBe('94.75');
    expect(formatPoints(97)).toBe('97');
    expect(formatPoints(null)).toBe('—');
  });
});
