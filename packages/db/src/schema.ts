import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AssessmentTables } from './schema-assessment';
import type { RollupTables } from './schema-rollups';
import type { SupervisionTables } from './schema-supervision';

/** Set by the database on insert, never written by the application. */
type CreatedAt = ColumnType<Date, never, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns travel as `YYYY-MM-DD` strings on both drivers (see createDb parsers). */
type DateString = ColumnType<string, string, string>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export type OfficeLevel = 'province' | 'city' | 'district';
export type UnitType = 'community' | 'school' | 'agency' | 'hospital' | 'enterprise' | 'village' | 'other';
export type StatusLevel = 'none' | 'county' | 'city' | 'city_model' | 'provincial' | 'national';
export type Role =
  | 'office_admin'
  | 'office_inspector'
  | 'analyst'
  | 'unit_admin'
  | 'unit_department_head'
  | 'unit_member';
export type StatusAction =
  | 'initial'
  | 'conferral'
  | 'renewal'
  | 'retain'
  | 'yellow_card'
  | 'restore'
  | 'suspension'
  | 'revocation'
  | 'lapse';

export interface OfficesTable {
  id: Generated<string>;
  parent_id: string | null;
  code: string;
  name: string;
  level: OfficeLevel;
  created_at: CreatedAt;
}

export interface UnitsTable {
  id: Generated<string>;
  office_id: string;
  code: string;
  name: string;
  type: UnitType;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  status_level: Generated<StatusLevel>;
  term_start_year: number | null;
  term_end_year: number | null;
  decision_no: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DepartmentsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string | null;
  username: string;
  display_name: string;
  phone: string | null;
  password_hash: string;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RoleAssignmentsTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  office_id: string;
  unit_id: string | null;
  department_id: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  ip: string | null;
  user_agent: string | null;
}

/** One row: moves whenever grants may have changed (migration 2026_11_28_060000). */
export interface GrantGenerationTable {
  generation: ColumnType<string, never, never>;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  succeeded: boolean;
  attempted_at: Timestamp;
  /** Hash of the trusted device cookie the attempt came with, if any. */
  device_id: string | null;
}

export interface LoginDevicesTable {
  token_hash: string;
  username: string;
  created_at: CreatedAt;
  last_used_at: Timestamp;
}

export interface StatusRecordsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  action: StatusAction;
  level: StatusLevel;
  term_start_year: number | null;
  term_end_year: number | null;
  decision_no: string | null;
  decided_on: DateString | null;
  reason: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
  deadline: DateString | null;
  campaign_id: string | null;
  seq: Generated<number>;
  inspection_id: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  office_id: string | null;
  unit_id: string | null;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  summary: Json;
  at: Timestamp;
}

export type FrameworkLevel = 'national' | 'provincial' | 'city' | 'county';
export type CampaignKind = 'renewal' | 'upgrade';
export type CampaignPhase =
  | 'draft'
  | 'mobilization'
  | 'implementation'
  | 'consolidation'
  | 'submitted'
  | 'under_assessment'
  | 'decided'
  | 'withdrawn';
export type TaskStatus = 'todo' | 'in_progress' | 'done';
export type LeadingGroupRole = 'leader' | 'deputy' | 'member' | 'contact';

export interface FrameworksTable {
  id: Generated<string>;
  code: string;
  version: number;
  name_zh: string;
  name_en: string;
  level: FrameworkLevel;
  applies_to: string[];
  total_points: number;
  pass_threshold: number | null;
  content: Json;
  content_hash: string;
  imported_by: string | null;
  imported_at: Timestamp;
}

export interface FrameworkCategoriesTable {
  id: Generated<string>;
  framework_id: string;
  position: number;
  code: string;
  name_zh: string;
  name_en: string;
  points: number;
  special: Generated<boolean>;
  reconstructed: Generated<boolean>;
}

export interface FrameworkIndicatorsTable {
  id: Generated<string>;
  framework_id: string;
  category_id: string;
  position: number;
  code: string;
  name_zh: string;
  name_en: string;
  points: number;
  veto: boolean;
  method_zh: string;
  evidence: string[];
  reconstructed: Generated<boolean>;
}

export interface FrameworkAssignmentsTable {
  id: Generated<string>;
  office_id: string;
  framework_id: string;
  target_level: Exclude<StatusLevel, 'none'>;
  unit_type: UnitType | null;
  published_by: string | null;
  published_at: Timestamp;
}

export interface CampaignsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  kind: CampaignKind;
  from_level: StatusLevel;
  target_level: StatusLevel;
  term_start_year: number;
  term_end_year: number;
  framework_id: string;
  phase: Generated<CampaignPhase>;
  phase_changed_at: Timestamp;
  plan: Generated<string>;
  implementation_plan: Generated<string>;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CampaignTransitionsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  campaign_id: string;
  from_phase: CampaignPhase | null;
  to_phase: CampaignPhase;
  actor_id: string | null;
  comment: string | null;
  at: Timestamp;
  seq: Generated<number>;
}

export interface LeadingGroupMembersTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  campaign_id: string;
  role: LeadingGroupRole;
  name: string;
  title: string | null;
  department_id: string | null;
  phone: string | null;
  position: Generated<number>;
  valid_from: Timestamp;
  valid_to: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  changed_by: string | null;
}

export interface TasksTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  campaign_id: string;
  title: string;
  description: Generated<string>;
  responsible_leader: string | null;
  department_id: string | null;
  deadline: DateString | null;
  status: Generated<TaskStatus>;
  required: Generated<boolean>;
  progress_note: Generated<string>;
  completed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TaskIndicatorsTable {
  task_id: string;
  indicator_id: string;
  office_id: string;
  unit_id: string;
}

export type EvidenceKind =
  | 'organization'
  | 'plan'
  | 'campaign_document'
  | 'meeting_minutes'
  | 'activity_record'
  | 'rules'
  | 'inspection_record'
  | 'summary'
  | 'evaluation_record'
  | 'application_form'
  | 'approval_form'
  | 'survey_form'
  | 'opinion_form'
  | 'public_feedback'
  | 'activity'
  | 'other';
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface FilesTable {
  sha256: string;
  bytes: number;
  mime: string;
  created_at: CreatedAt;
}

export interface EvidenceItemsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  campaign_id: string | null;
  kind: EvidenceKind;
  title: string;
  description: Generated<string>;
  event_date: DateString;
  captured_at: ColumnType<Date, Date | string, never>;
  department_id: string | null;
  keeper: string | null;
  participants: number | null;
  place: string | null;
  revision: Generated<number>;
  retracted_at: NullableTimestamp;
  retract_reason: string | null;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  carried_from: string | null;
}

export interface EvidenceIndicatorsTable {
  evidence_id: string;
  indicator_id: string;
  office_id: string;
  unit_id: string;
  explanation: Generated<string>;
  materials: Generated<string[]>;
  /** Positions (1-based) of the indicator's required materials this link names; kept by a trigger. */
  matched: Generated<number[]>;
}

export interface EvidenceTasksTable {
  evidence_id: string;
  task_id: string;
  office_id: string;
}

export interface EvidenceAttachmentsTable {
  evidence_id: string;
  position: number;
  sha256: string;
  name: string;
  office_id: string;
  unit_id: string;
}

export interface EvidenceEventsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  seq: number;
  evidence_id: string;
  action: 'create' | 'revise' | 'retract';
  actor_id: string | null;
  at: ColumnType<Date, Date | string, never>;
  payload: string;
  prev_hash: string;
  hash: string;
}

export type DutyPeriod = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';

export interface DutiesTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string | null;
  campaign_id: string | null;
  title: string;
  period: DutyPeriod;
  evidence_kind: EvidenceKind | null;
  indicator_codes: Generated<string[]>;
  starts_on: DateString;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SurveysTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string | null;
  title_zh: string;
  title_en: string;
  description: Generated<string>;
  description_en: Generated<string>;
  audience: 'public' | 'staff';
  questions: ColumnType<unknown[], string, string>;
  indicator_codes: Generated<string[]>;
  opens_on: DateString;
  closes_on: DateString;
  status: Generated<'draft' | 'open' | 'closed'>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SurveyTargetsTable {
  token: string;
  survey_id: string;
  office_id: string;
  unit_id: string;
}

export interface SurveyResponsesTable {
  id: Generated<number>;
  survey_id: string;
  office_id: string;
  unit_id: string;
  respondent: string;
  answers: ColumnType<Record<string, unknown>, string, never>;
  submitted_at: Timestamp;
}

export interface RateLimitsTable {
  key: string;
  window_start: Date | string;
  hits: number;
}

type NullableDate = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type SelectionCategory =
  | 'civilized_department'
  | 'civilized_staff'
  | 'post_expert'
  | 'moral_model'
  | 'other';

export interface SuggestionsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  campaign_id: string | null;
  author_id: string | null;
  title: string;
  body: string;
  status: Generated<'open' | 'adopted' | 'noted' | 'declined'>;
  reply: string | null;
  replied_by: string | null;
  replied_at: NullableDate;
  task_id: string | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface WriteupsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  campaign_id: string;
  author_id: string | null;
  author_name: string;
  title: string;
  body: string;
  created_at: Timestamp;
}

export interface SelectionsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  campaign_id: string | null;
  title: string;
  category: SelectionCategory;
  status: Generated<'nominating' | 'voting' | 'published'>;
  winners: Generated<number>;
  evidence_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  published_at: NullableDate;
}

export interface SelectionNomineesTable {
  id: Generated<string>;
  selection_id: string;
  office_id: string;
  name: string;
  department_id: string | null;
  reason: Generated<string>;
}

export interface SelectionVotesTable {
  selection_id: string;
  voter_id: string;
  nominee_id: string;
  office_id: string;
  at: Timestamp;
}

export type InspectionKind = 'routine' | 'special' | 'unannounced' | 're_examination';
export type InspectionResult = 'meets' | 'partly' | 'fails' | 'not_applicable';

export interface InspectionsTable {
  id: Generated<string>;
  office_id: string;
  kind: InspectionKind;
  title: string;
  planned_on: DateString;
  status: Generated<'planned' | 'in_progress' | 'completed'>;
  checklist: ColumnType<unknown[], string, string>;
  created_by: string | null;
  created_at: Timestamp;
  completed_at: NullableDate;
}

export interface InspectionTargetsTable {
  inspection_id: string;
  office_id: string;
  unit_id: string;
  visible_to_unit: boolean;
}

export interface InspectionInspectorsTable {
  inspection_id: string;
  user_id: string;
  office_id: string;
}

export interface InspectionResultsTable {
  inspection_id: string;
  unit_id: string;
  item_key: string;
  office_id: string;
  result: InspectionResult;
  notes: Generated<string>;
  points: number | null;
  photos: Generated<string[]>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string, Date | string>;
}

export interface FindingsTable {
  id: Generated<string>;
  inspection_id: string;
  office_id: string;
  unit_id: string;
  item_key: string | null;
  severity: 'minor' | 'major' | 'critical';
  description: string;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string, never>;
}

export interface RectificationsTable {
  id: Generated<string>;
  office_id: string;
  unit_id: string;
  department_id: string | null;
  finding_id: string | null;
  title: string;
  requirement: string;
  deadline: DateString;
  status: Generated<'open' | 'answered' | 'closed'>;
  plan: Generated<string>;
  evidence_ids: Generated<string[]>;
  issued_by: string | null;
  issued_at: ColumnType<Date, Date | string, never>;
  closed_at: NullableDate;
  version: Generated<number>;
}

export interface RectificationEventsTable {
  id: Generated<number>;
  rectification_id: string;
  office_id: string;
  unit_id: string;
  action: 'issued' | 'answered' | 'returned' | 'closed';
  actor_id: string | null;
  comment: string | null;
  at: ColumnType<Date, Date | string, never>;
}

export interface ImportsTable {
  id: Generated<string>;
  office_id: string;
  kind: 'units' | 'users';
  sha256: string;
  file_name: string;
  rows: number;
  committed_by: string | null;
  committed_at: CreatedAt;
}

export interface DB extends AssessmentTables, SupervisionTables, RollupTables {
  offices: OfficesTable;
  units: UnitsTable;
  departments: DepartmentsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  grant_generation: GrantGenerationTable;
  login_attempts: LoginAttemptsTable;
  login_devices: LoginDevicesTable;
  status_records: StatusRecordsTable;
  audit_log: AuditLogTable;
  frameworks: FrameworksTable;
  framework_categories: FrameworkCategoriesTable;
  framework_indicators: FrameworkIndicatorsTable;
  framework_assignments: FrameworkAssignmentsTable;
  campaigns: CampaignsTable;
  campaign_transitions: CampaignTransitionsTable;
  leading_group_members: LeadingGroupMembersTable;
  tasks: TasksTable;
  task_indicators: TaskIndicatorsTable;
  files: FilesTable;
  evidence_items: EvidenceItemsTable;
  evidence_indicators: EvidenceIndicatorsTable;
  evidence_tasks: EvidenceTasksTable;
  evidence_attachments: EvidenceAttachmentsTable;
  evidence_events: EvidenceEventsTable;
  duties: DutiesTable;
  surveys: SurveysTable;
  survey_targets: SurveyTargetsTable;
  survey_responses: SurveyResponsesTable;
  rate_limits: RateLimitsTable;
  suggestions: SuggestionsTable;
  writeups: WriteupsTable;
  selections: SelectionsTable;
  selection_nominees: SelectionNomineesTable;
  selection_votes: SelectionVotesTable;
  inspections: InspectionsTable;
  inspection_targets: InspectionTargetsTable;
  inspection_inspectors: InspectionInspectorsTable;
  inspection_results: InspectionResultsTable;
  findings: FindingsTable;
  rectifications: RectificationsTable;
  rectification_events: RectificationEventsTable;
  imports: ImportsTable;
}

export type OfficeRow = Selectable<OfficesTable>;
export type UnitRow = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type UnitUpdate = Updateable<UnitsTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
export type UserRow = Selectable<UsersTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentsTable>;
export type StatusRecordRow = Selectable<StatusRecordsTable>;
export type FrameworkRow = Selectable<FrameworksTable>;
export type CampaignRow = Selectable<CampaignsTable>;
export type TaskRow = Selectable<TasksTable>;
