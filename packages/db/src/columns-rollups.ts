import type { Selectable } from 'kysely';
import type { RollupTables } from './schema-rollups';

type IsNullable<T> = null extends T ? true : false;
type ColumnSpec<T> = { [K in keyof T]-?: IsNullable<T[K]> extends true ? 'null' : 'not null' };

/** The rollup tables' part of `declaredColumns` (see columns.ts). */
export const rollupColumns: {
  [Table in keyof RollupTables]: ColumnSpec<Selectable<RollupTables[Table]>>;
} = {
  survey_unit_tallies: {
    unit_id: 'not null',
    survey_id: 'not null',
    office_id: 'not null',
    answers: 'not null',
    satisfied: 'not null',
    score_sum: 'not null',
  },
  survey_month_tallies: {
    unit_id: 'not null',
    month: 'not null',
    survey_id: 'not null',
    office_id: 'not null',
    answers: 'not null',
    satisfied: 'not null',
  },
  unit_month_filings: {
    unit_id: 'not null',
    month: 'not null',
    office_id: 'not null',
    filed_items: 'not null',
    fresh_items: 'not null',
  },
  campaign_indicator_items: {
    campaign_id: 'not null',
    indicator_id: 'not null',
    office_id: 'not null',
    unit_id: 'not null',
    live_items: 'not null',
  },
  campaign_material_links: {
    campaign_id: 'not null',
    indicator_id: 'not null',
    ord: 'not null',
    office_id: 'not null',
    unit_id: 'not null',
    live_links: 'not null',
  },
  readiness_month_ends: {
    campaign_id: 'not null',
    month: 'not null',
    office_id: 'not null',
    unit_id: 'not null',
    readiness: 'not null',
  },
  campaign_coverage: {
    campaign_id: 'not null',
    office_id: 'not null',
    unit_id: 'not null',
    phase: 'not null',
    framework_id: 'not null',
    covered_indicators: 'not null',
  },
  unit_rollups: {
    unit_id: 'not null',
    office_id: 'not null',
    filed_items: 'not null',
    fresh_items: 'not null',
    overdue_tasks: 'not null',
  },
  rollup_state: { id: 'not null', overdue_as_of: 'not null' },
};
