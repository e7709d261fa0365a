import type { ColumnType } from 'kysely';
import type { CampaignPhase } from './schema';

// Analytics rollups (see migration 2026_11_27_195000): written only by triggers and
// refresh_rollups(), read by the analytics overview and comparison.
type Counter = ColumnType<number, never, never>;
type Key = ColumnType<string, never, never>;

export interface SurveyUnitTalliesTable {
  unit_id: Key;
  survey_id: Key;
  office_id: Key;
  answers: Counter;
  satisfied: Counter;
  score_sum: Counter;
}

/** Numeric answers by unit, survey and month (the first day of the month in China): the trend's. */
export interface SurveyMonthTalliesTable {
  unit_id: Key;
  month: Key;
  survey_id: Key;
  office_id: Key;
  answers: Counter;
  satisfied: Counter;
}

/** Live items filed by unit and month (the first day of the month in China), and the fresh ones: the trend's. */
export interface UnitMonthFilingsTable {
  unit_id: Key;
  month: Key;
  office_id: Key;
  filed_items: Counter;
  fresh_items: Counter;
}

export interface CampaignIndicatorItemsTable {
  campaign_id: Key;
  indicator_id: Key;
  office_id: Key;
  unit_id: Key;
  live_items: Counter;
}

/** Live links naming an indicator's n-th required material (`ord`, 1-based), per campaign. */
export interface CampaignMaterialLinksTable {
  campaign_id: Key;
  indicator_id: Key;
  ord: ColumnType<number, never, never>;
  office_id: Key;
  unit_id: Key;
  live_links: Counter;
}

/** One row per campaign: its phase and framework copied from it, and its ledger coverage. */
export interface CampaignCoverageTable {
  campaign_id: Key;
  office_id: Key;
  unit_id: Key;
  phase: ColumnType<CampaignPhase, never, never>;
  framework_id: Key;
  covered_indicators: Counter;
}

export interface UnitRollupsTable {
  unit_id: Key;
  office_id: Key;
  filed_items: Counter;
  fresh_items: Counter;
  overdue_tasks: Counter;
}

/** A campaign's readiness at the end of a closed month (`month`: its first day in China), kept by a job. */
export interface ReadinessMonthEndsTable {
  campaign_id: Key;
  month: Key;
  office_id: Key;
  unit_id: Key;
  readiness: ColumnType<number, never, never>;
}

export interface RollupStateTable {
  id: ColumnType<boolean, never, never>;
  overdue_as_of: ColumnType<string, never, never>;
}

export interface RollupTables {
  survey_unit_tallies: SurveyUnitTalliesTable;
  survey_month_tallies: SurveyMonthTalliesTable;
  campaign_indicator_items: CampaignIndicatorItemsTable;
  campaign_coverage: CampaignCoverageTable;
  campaign_material_links: CampaignMaterialLinksTable;
  unit_rollups: UnitRollupsTable;
  unit_month_filings: UnitMonthFilingsTable;
  rollup_state: RollupStateTable;
  readiness_month_ends: ReadinessMonthEndsTable;
}
