/**
 * The rectification loop (整改): the office issues an order, the unit answers with a plan
 * and evidence, the office verifies — closed, or returned with comments for another answer.
 * A unit never closes its own order; a closed order is final (verifying twice is a CONFLICT).
 */
export type RectificationStatus = 'open' | 'answered' | 'closed';
export type RectificationAction = 'answer' | 'close' | 'return';
export type RectificationSide = 'unit' | 'office';

const MOVES: Record<
  RectificationAction,
  { from: RectificationStatus[]; to: RectificationStatus; by: RectificationSide }
> = {
  answer: { from: ['open'], to: 'answered', by: 'unit' },
  close: { from: ['answered'], to: 'closed', by: 'office' },
  return: { from: ['answered'], to: 'open', by: 'office' },
};

export type RectificationCheck =
  | { ok: true; to: RectificationStatus }
  | { ok: false; reason: 'WRONG_SIDE' | 'NOT_NOW'; status: RectificationStatus };

export function checkRectification(
  status: RectificationStatus,
  action: RectificationAction,
  side: RectificationSide,
): RectificationCheck {
  const move = MOVES[action];
  if (move.by !== side) return { ok: false, reason: 'WRONG_SIDE', status };
  if (!move.from.includes(status)) return { ok: false, reason: 'NOT_NOW', status };
  return { ok: true, to: move.to };
}

/** Overdue: past its deadline (a date, China's calendar) and not closed. */
export function isOverdue(status: RectificationStatus, deadline: string, today: string): boolean {
  return status !== 'closed' && deadline < today;
}

/** Timeliness of a unit's rectifications: share closed by the deadline, median days to close. */
export function timeliness(orders: { issuedOn: string; closedOn: string | null; deadline: string }[]) {
  const closed = orders.filter((o) => o.closedOn !== null);
  const onTime = closed.filter((o) => o.closedOn! <= o.deadline).length;
  const days = closed
    .map((o) => Math.round((Date.parse(o.closedOn!) - Date.parse(o.issuedOn)) / 86_400_000))
    .sort((a, b) => a - b);
  const median =
    days.length === 0
      ? null
      : days.length % 2
        ? days[(days.length - 1) / 2]!
        : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
  return {
    orders: orders.length,
    closed: closed.length,
    onTimeShare: closed.length ? onTime / closed.length : null,
    medianDaysToClose: median,
  };
}
