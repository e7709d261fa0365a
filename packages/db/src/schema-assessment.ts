import type { ColumnType, Generated } from 'kysely';

// Assessment and decision tables (see migration 2026_11_27_180000), kept apart from
// schema.ts so each capability's types stay readable.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateString = ColumnType<string, string, string>;

export type DecisionOutcome = 'conferral' | 'renewal' | 'rejection';
export type VetoSource = 'consultation' | 'inspection' | 'complaint' | 'self_report' | 'other';

export interface AssessmentSettingsTable {
  office_id: string;
  target_level: string;
  pass_threshold: number | null;
  quota_count: number | null;
  quota_percent: number | null;
  rescale_exempt: Generated<boolean>;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AssessmentsTable {
  campaign_id: string;
  office_id: string;
  unit_id: string;
  self_submitted_at: NullableTimestamp;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface AssessmentAssessorsTable {
  campaign_id: string;
  user_id: string;
  office_id: string;
  unit_id: string;
  category_ids: Generated<string[]>;
  assigned_by: string | null;
  assigned_at: Timestamp;
  submitted_at: NullableTimestamp;
}

export interface AssessmentScoresTable {
  id: Generated<string>;
  campaign_id: string;
  indicator_id: string;
  office_id: string;
  unit_id: string;
  scorer_id: string | null;
  points: number;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  note: Generated<string>;
  evidence_ids: Generated<string[]>;
  entered_by: string | null;
  updated_at: Timestamp;
}

export interface AssessmentModerationsTable {
  campaign_id: string;
  indicator_id: string;
  office_id: string;
  unit_id: string;
  /** Null once taken back: the row stays so its version keeps counting. */
  points: number | null;
  reason: string;
  moderated_by: string | null;
  moderated_at: Timestamp;
  version: Generated<number>;
}

export interface AssessmentExemptionsTable {
  campaign_id: string;
  indicator_id: string;
  office_id: string;
  unit_id: string;
  reason: string;
  decided_by: string | null;
  decided_at: Timestamp;
}

export interface AssessmentVetoesTable {
  id: Generated<string>;
  campaign_id: string;
  office_id: string;
  unit_id: string;
  veto_code: string;
  source: VetoSource;
  source_detail: string;
  evidence_ids: Generated<string[]>;
  confirmed_by: string | null;
  confirmed_at: Timestamp;
  cleared_by: string | null;
  cleared_at: NullableTimestamp;
  cleared_reason: string | null;
}

export interface DecisionsTable {
  id: Generated<string>;
  campaign_id: string;
  office_id: string;
  unit_id: string;
  outcome: DecisionOutcome;
  level: string;
  term_start_year: number | null;
  term_end_year: number | null;
  decision_no: string;
  decided_on: DateString;
  total: number | null;
  reason: Generated<string>;
  decided_by: string | null;
  decided_at: Timestamp;
}

export interface AssessmentTables {
  assessment_settings: AssessmentSettingsTable;
  assessments: AssessmentsTable;
  assessment_assessors: AssessmentAssessorsTable;
  assessment_scores: AssessmentScoresTable;
  assessment_moderations: AssessmentModerationsTable;
  assessment_exemptions: AssessmentExemptionsTable;
  assessment_vetoes: AssessmentVetoesTable;
  decisions: DecisionsTable;
}
