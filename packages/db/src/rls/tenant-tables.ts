/**
 * Every table that belongs to a tenant, in one place: row-level security is applied to
 * exactly these, and a test fails when a table with an `office_id` column is in neither
 * list. A new table is one line here.
 *
 * `unit`: the column naming the unit a row belongs to (unit staff see their unit's rows).
 * `shared`: rows an office keeps for everything below it (publications, bulletins,
 * settings, and link tables that do not yet carry their unit), readable by the units and
 * lower offices under it.
 * `platform`: rows with no office at all belong to the whole platform (the audit trail of
 * framework imports): anyone may write and read those; rows with an office stay scoped.
 * `readable`: rows more callers may read than may write — the office's `staff` rows, which
 * belong to no unit, by everyone below the office (names of inspectors and publishers shown
 * to units); or every row whose parent the caller may read (`via`: the units named on a
 * public notice, by everyone who may read the notice).
 */
export interface TenantTable {
  unit?: string;
  shared?: true;
  platform?: true;
  readable?: 'staff' | { via: string; key: string };
}

export const TENANT_TABLES: Record<string, TenantTable> = {
  units: { unit: 'id' },
  users: { unit: 'unit_id', readable: 'staff' },
  role_assignments: { unit: 'unit_id' },
  departments: { unit: 'unit_id' },
  status_records: { unit: 'unit_id' },
  audit_log: { unit: 'unit_id', platform: true },
  framework_assignments: { shared: true },
  campaigns: { unit: 'unit_id' },
  campaign_transitions: { unit: 'unit_id' },
  leading_group_members: { unit: 'unit_id' },
  tasks: { unit: 'unit_id' },
  task_indicators: { unit: 'unit_id' },
  evidence_items: { unit: 'unit_id' },
  evidence_indicators: { unit: 'unit_id' },
  evidence_tasks: { shared: true },
  evidence_attachments: { unit: 'unit_id' },
  evidence_events: { unit: 'unit_id' },
  duties: { unit: 'unit_id', shared: true },
  surveys: { unit: 'unit_id', shared: true },
  survey_targets: { unit: 'unit_id' },
  survey_responses: { unit: 'unit_id' },
  suggestions: { unit: 'unit_id' },
  writeups: { unit: 'unit_id' },
  selections: { unit: 'unit_id' },
  selection_nominees: { shared: true },
  selection_votes: { shared: true },
  inspections: { shared: true },
  inspection_inspectors: { shared: true },
  inspection_targets: { unit: 'unit_id' },
  inspection_results: { unit: 'unit_id' },
  findings: { unit: 'unit_id' },
  rectifications: { unit: 'unit_id' },
  rectification_events: { unit: 'unit_id' },
  bulletins: { shared: true },
  bulletin_recipients: { unit: 'unit_id' },
  notices: { shared: true },
  notice_subjects: { unit: 'unit_id', readable: { via: 'notices', key: 'notice_id' } },
  notifications: { shared: true },
  notification_settings: { shared: true },
  reports: { unit: 'unit_id' },
  report_schedules: { shared: true },
  report_schedule_units: { unit: 'unit_id' },
  meetings: { unit: 'unit_id' },
  assessment_settings: { shared: true },
  assessments: { unit: 'unit_id' },
  assessment_assessors: { unit: 'unit_id' },
  assessment_exemptions: { unit: 'unit_id' },
  assessment_moderations: { unit: 'unit_id' },
  assessment_scores: { unit: 'unit_id' },
  assessment_vetoes: { unit: 'unit_id' },
  decisions: { unit: 'unit_id' },
  objections: { unit: 'unit_id', shared: true },
  imports: {},
  survey_unit_tallies: { unit: 'unit_id' },
  survey_month_tallies: { unit: 'unit_id' },
  campaign_indicator_items: { unit: 'unit_id' },
  campaign_coverage: { unit: 'unit_id' },
  campaign_material_links: { unit: 'unit_id' },
  readiness_month_ends: { unit: 'unit_id' },
  unit_rollups: { unit: 'unit_id' },
  unit_month_filings: { unit: 'unit_id' },
};

/** Tables with an `office_id` that deliberately have no row-level security, and why. */
export const NOT_TENANT_TABLES: Record<string, string> = {};
