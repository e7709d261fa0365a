import { type DutyPeriod, dutyPeriods } from '../ledger/duties';

export interface ReportPeriod {
  key: string;
  start: string;
  /** Inclusive. */
  end: string;
  dueOn: string;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The periods a schedule has asked for by `today`: every calendar period that has begun
 * (the current one included, so a unit sees what comes next). A report is due on `dueDay`
 * of the month after its period.
 */
export function reportPeriods(
  period: DutyPeriod,
  startsOn: string,
  dueDay: number,
  today: string,
): ReportPeriod[] {
  return dutyPeriods(period, startsOn, addDays(today, 1)).map((p) => ({
    key: p.start,
    start: p.start,
    end: addDays(p.end, -1),
    dueOn: addDays(p.end, dueDay - 1),
  }));
}

export type ReportDueStatus = 'filed' | 'due' | 'overdue';

/** Overdue from the day after the due date until filed. */
export function reportStatus(dueOn: string, filed: boolean, today: string): ReportDueStatus {
  if (filed) return 'filed';
  return dueOn < today ? 'overdue' : 'due';
}
