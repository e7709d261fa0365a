import { z } from 'zod';
import { ZId, ZIsoDate, zName, zText } from '../common/schemas';
import { ZEvidenceKind } from './schemas';

export const DUTY_PERIODS = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export const ZDutyPeriod = z.enum(DUTY_PERIODS);
export type DutyPeriod = z.infer<typeof ZDutyPeriod>;
const MONTHS: Record<DutyPeriod, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

export interface Period {
  start: string;
  /** Exclusive. */
  end: string;
}

const ymd = (y: number, m: number) => new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);

/**
 * The calendar periods of a duty from its start until `until`: months, quarters, halves or
 * years aligned to the calendar (a quarterly duty starting in February runs Jan–Mar, Apr–Jun…).
 */
export function dutyPeriods(period: DutyPeriod, startsOn: string, until: string): Period[] {
  const step = MONTHS[period];
  const [y, m] = startsOn.split('-').map(Number) as [number, number];
  let year = y;
  let month = Math.floor((m - 1) / step) * step;
  const out: Period[] = [];
  while (ymd(year, month) < until && out.length < 500) {
    const next = month + step;
    out.push({ start: ymd(year, month), end: ymd(year + Math.floor(next / 12), next % 12) });
    year += Math.floor(next / 12);
    month = next % 12;
  }
  return out;
}

export type PeriodStatus = 'met' | 'missing' | 'upcoming';

/** Met when evidence dated inside the period exists; missing once the period is over; else upcoming. */
export function periodStatus(p: Period, today: string, eventDates: string[]): PeriodStatus {
  if (eventDates.some((d) => d >= p.start && d < p.end)) return 'met';
  return p.end <= today ? 'missing' : 'upcoming';
}

export const ZCreateDuty = z
  .object({
    /** An office's duty applies to every unit below it; a campaign's only to that campaign. */
    officeId: ZId.optional(),
    campaignId: ZId.optional(),
    title: zName(200),
    period: ZDutyPeriod,
    evidenceKind: ZEvidenceKind.nullable().default(null),
    indicatorCodes: z.array(zText(64)).max(50).default([]),
    startsOn: ZIsoDate,
  })
  .refine((d) => (d.officeId === undefined) !== (d.campaignId === undefined), {
    message: 'give either an office or a campaign',
    path: ['campaignId'],
  });

export const ZDutyCalendar = z.object({
  items: z.array(
    z.object({
      id: ZId,
      title: z.string(),
      period: ZDutyPeriod,
      scope: z.enum(['office', 'campaign']),
      evidenceKind: ZEvidenceKind.nullable(),
      indicatorCodes: z.array(z.string()),
      periods: z.array(
        z.object({ start: ZIsoDate, end: ZIsoDate, status: z.enum(['met', 'missing', 'upcoming']) }),
      ),
    }),
  ),
});
export type TDutyCalendar = z.infer<typeof ZDutyCalendar>;
