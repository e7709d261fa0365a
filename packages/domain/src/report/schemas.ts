import { z } from 'zod';
import { ZCursor, ZId, ZIsoDate, ZIsoDateTime, ZLimit, zName, zPage, zText } from '../common/schemas';
import { ZDutyPeriod } from '../ledger/duties';

/** A periodic work report (工作报告) the office asks of units in its subtree. */
export const ZCreateReportSchedule = z.object({
  officeId: ZId,
  title: zName(200),
  period: ZDutyPeriod,
  /** Day of the month after each period by which the report is due (1–28). */
  dueDay: z.number().int().min(1).max(28),
  startsOn: ZIsoDate,
  /** The units that report; empty: every unit of the office and the offices below it. */
  unitIds: z.array(ZId).max(2000).default([]),
});
export type TCreateReportSchedule = z.input<typeof ZCreateReportSchedule>;

export const ZReportSchedule = z.object({
  id: ZId,
  officeId: ZId,
  officeName: z.string(),
  title: z.string(),
  period: ZDutyPeriod,
  dueDay: z.number().int(),
  startsOn: ZIsoDate,
  active: z.boolean(),
  units: z.number().int(),
  createdAt: ZIsoDateTime,
});
export const ZReportScheduleList = z.object({ items: z.array(ZReportSchedule) });
export const ZListReportSchedules = z.object({ officeId: ZId.optional() });
export const ZSetScheduleActive = z.object({ id: ZId, active: z.boolean() });

export const REPORT_DUE_STATUSES = ['filed', 'due', 'overdue'] as const;
export const ZReportDueStatus = z.enum(REPORT_DUE_STATUSES);

/** One report a unit owes for one period: filed, due (deadline ahead) or overdue. */
export const ZReportDue = z.object({
  scheduleId: ZId,
  scheduleTitle: z.string(),
  unitId: ZId,
  unitName: z.string(),
  /** The period's first day identifies it. */
  periodKey: ZIsoDate,
  periodStart: ZIsoDate,
  /** Last day of the period (inclusive). */
  periodEnd: ZIsoDate,
  dueOn: ZIsoDate,
  status: ZReportDueStatus,
  reportId: ZId.nullable(),
  filedAt: ZIsoDateTime.nullable(),
});
export type TReportDue = z.infer<typeof ZReportDue>;
export const ZListDueReports = z.object({
  unitId: ZId.optional(),
  scheduleId: ZId.optional(),
  status: ZReportDueStatus.optional(),
});
export const ZReportDueList = z.object({ items: z.array(ZReportDue) });

export const ZFileReport = z.object({
  scheduleId: ZId,
  unitId: ZId,
  periodKey: ZIsoDate,
  title: zName(200),
  body: zName(5000),
  /** Ledger items of the unit attached as supporting evidence. */
  evidenceIds: z.array(ZId).max(20).default([]),
});
export type TFileReport = z.input<typeof ZFileReport>;

export const ZReport = z.object({
  id: ZId,
  scheduleId: ZId,
  scheduleTitle: z.string(),
  unitId: ZId,
  unitName: z.string(),
  periodKey: ZIsoDate,
  dueOn: ZIsoDate,
  title: z.string(),
  body: z.string(),
  evidenceIds: z.array(ZId),
  /** The ledger item (kind `summary`) the report was filed as; null when the unit had no open campaign. */
  ledgerEvidenceId: ZId.nullable(),
  filedAt: ZIsoDateTime,
  filedByName: z.string().nullable(),
  late: z.boolean(),
});
export type TReport = z.infer<typeof ZReport>;

/** A leading-group meeting (领导小组例会) with its minutes. */
export const ZRecordMeeting = z.object({
  unitId: ZId,
  title: zName(200),
  heldOn: ZIsoDate,
  place: zText(200).optional(),
  attendees: z.array(zName(50)).min(1).max(100),
  absentees: z.array(zName(50)).max(100).default([]),
  minutes: zName(5000),
});
export type TRecordMeeting = z.input<typeof ZRecordMeeting>;

export const ZMeeting = z.object({
  id: ZId,
  unitId: ZId,
  unitName: z.string(),
  campaignId: ZId.nullable(),
  title: z.string(),
  heldOn: ZIsoDate,
  place: z.string().nullable(),
  attendees: z.array(z.string()),
  absentees: z.array(z.string()),
  minutes: z.string(),
  /** The ledger item (kind `meeting_minutes`); null when the unit had no open campaign. */
  ledgerEvidenceId: ZId.nullable(),
  recordedAt: ZIsoDateTime,
  recordedByName: z.string().nullable(),
});
export type TMeeting = z.infer<typeof ZMeeting>;
export const ZListMeetings = z.object({
  unitId: ZId.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit,
});
export const ZMeetingPage = zPage(ZMeeting.omit({ minutes: true }));
