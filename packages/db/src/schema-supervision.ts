import type { ColumnType, Generated } from 'kysely';

// Bulletins, public notices, reports, meetings and notifications (see migrations
// 2026_11_27_170000 and 170100), kept apart from schema.ts like the assessment tables.
type Written = ColumnType<Date, Date | string, never>;
type NullableDate = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateString = ColumnType<string, string, string>;
type ReportPeriod = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';

type BulletinKind = 'praise' | 'criticism' | 'rectification';

export interface BulletinsTable {
  id: Generated<string>;
  office_id: string;
  kind: BulletinKind;
  title: string;
  body: string;
  inspection_id: string | null;
  finding_ids: Generated<string[]>;
  published_by: string | null;
  published_at: Written;
}

export interface BulletinRecipientsTable {
  bulletin_id: string;
  office_id: string;
  unit_id: string;
  read_at: NullableDate;
  read_by: string | null;
  acknowledged_at: NullableDate;
  acknowledged_by: string | null;
}

export interface NoticesTable {
  id: Generated<string>;
  office_id: string;
  kind: 'conferral' | 'renewal' | 'other';
  title: string;
  body: string;
  starts_on: DateString;
  ends_on: DateString;
  published_by: string | null;
  published_at: Written;
}

export interface NoticeSubjectsTable {
  notice_id: string;
  office_id: string;
  unit_id: string;
  /** The unit's name when the notice was published. */
  unit_name: string;
  campaign_id: string | null;
}

export interface ObjectionsTable {
  id: Generated<string>;
  notice_id: string;
  office_id: string;
  unit_id: string | null;
  body: string;
  contact: string | null;
  status: Generated<'open' | 'upheld' | 'dismissed'>;
  answer: string | null;
  answered_by: string | null;
  answered_at: NullableDate;
  filed_at: Written;
}

export interface ReportSchedulesTable {
  id: Generated<string>;
  office_id: string;
  title: string;
  period: ReportPeriod;
  due_day: number;
  starts_on: DateString;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Written;
}

export interface ReportScheduleUnitsTable {
  schedule_id: string;
  office_id: string;
  unit_id: string;
}

export interface ReportsTable {
  id: Generated<string>;
  schedule_id: string;
  office_id: string;
  unit_id: string;
  period_key: DateString;
  due_on: DateString;
  title: string;
  body: string;
  evidence_ids: Generated<string[]>;
  ledger_evidence_id: string | null;
  filed_by: string | null;
  filed_at: Written;
}

export interface MeetingsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  campaign_id: string | null;
  title: string;
  held_on: DateString;
  place: string | null;
  attendees: string[];
  absentees: Generated<string[]>;
  minutes: string;
  ledger_evidence_id: string | null;
  recorded_by: string | null;
  recorded_at: Written;
}

export interface NotificationsTable {
  id: Generated<string>;
  office_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: Generated<string>;
  /** English wording; null on items written before it was kept. */
  title_en: string | null;
  body_en: string | null;
  link: string | null;
  dedupe_key: string | null;
  created_at: Written;
  read_at: NullableDate;
  email_status: Generated<'none' | 'pending' | 'sent' | 'failed'>;
}

export interface NotificationSettingsTable {
  user_id: string;
  office_id: string;
  email: string | null;
  updated_at: ColumnType<Date, Date | string, Date | string>;
}

export interface SupervisionTables {
  bulletins: BulletinsTable;
  bulletin_recipients: BulletinRecipientsTable;
  notices: NoticesTable;
  notice_subjects: NoticeSubjectsTable;
  objections: ObjectionsTable;
  report_schedules: ReportSchedulesTable;
  report_schedule_units: ReportScheduleUnitsTable;
  reports: ReportsTable;
  meetings: MeetingsTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
}
