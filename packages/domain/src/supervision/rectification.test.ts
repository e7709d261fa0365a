import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRectification,
  type RectificationAction,
  type RectificationStatus,
  timeliness,
} from './rectification';

describe('the rectification loop', () => {
  it('lets the unit answer and only the office close or return', () => {
    expect(checkRectification('open', 'answer', 'unit')).toEqual({ ok: true, to: 'answered' });
    expect(checkRectification('answered', 'close', 'unit')).toMatchObject({
      ok: false,
      reason: 'WRONG_SIDE',
    });
    expect(checkRectification('answered', 'return', 'office')).toEqual({ ok: true, to: 'open' });
    expect(checkRectification('closed', 'close', 'office')).toMatchObject({ ok: false, reason: 'NOT_NOW' });
  });

  it('never leaves closed and never closes without an answer, whatever the sequence', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            action: fc.constantFrom<RectificationAction>('answer', 'close', 'return'),
            side: fc.constantFrom('unit' as const, 'office' as const),
          }),
        ),
        (steps) => {
          let status: RectificationStatus = 'open';
          let answeredSinceOpen = false;
          for (const step of steps) {
            const check = checkRectification(status, step.action, step.side);
            if (!check.ok) continue;
            if (check.to === 'closed') expect(answeredSinceOpen).toBe(true);
            if (status === 'closed') throw new Error('left closed');
            answeredSinceOpen =
              check.to === 'answered' ? true : check.to === 'open' ? false : answeredSinceOpen;
            status = check.to;
          }
        },
      ),
    );
  });

  it('measures timeliness', () => {
    expect(
      timeliness([
        { issuedOn: '2027-03-01', closedOn: '2027-03-11', deadline: '2027-03-15' },
        { issuedOn: '2027-03-01', closedOn: '2027-03-21', deadline: '2027-03-15' },
        { issuedOn: '2027-03-01', closedOn: null, deadline: '2027-03-15' },
      ]),
    ).toEqual({ orders: 3, closed: 2, onTimeShare: 0.5, medianDaysToClose: 15 });
  });
});
