import type { Db } from '@wenming/db';
import { FRESH_WITHIN_DAYS, SATISFIED_FROM } from '@wenming/domain';
import { type RawBuilder, sql } from 'kysely';
import { snapshotReadiness } from './readiness-snapshots';

/**
 * Each rollup (as the triggers keep it) beside the same figure counted straight from the
 * base tables, rows with nothing to count left out on both sides.
 */
const FIGURES: Record<string, [kept: RawBuilder<unknown>, truth: RawBuilder<unknown>]> = {
  satisfaction: [
    sql`select unit_id, sum(answers)::int, sum(satisfied)::int from survey_unit_tallies
      group by unit_id having sum(answers) <> 0`,
    sql`select r.unit_id, count(*)::int, (count(*) filter (where (a.value)::text::numeric >= ${sql.lit(SATISFIED_FROM)}))::int
      from survey_responses r cross join lateral jsonb_each(r.answers) a
      where jsonb_typeof(a.value) = 'number' group by r.unit_id`,
  ],
  'satisfaction by month': [
    sql`select unit_id, month, survey_id, answers, satisfied from survey_month_tallies where answers <> 0`,
    sql`select r.unit_id, date_trunc('month', r.submitted_at at time zone 'Asia/Shanghai')::date, r.survey_id,
        count(*)::int, (count(*) filter (where (a.value)::text::numeric >= ${sql.lit(SATISFIED_FROM)}))::int
      from survey_responses r cross join lateral jsonb_each(r.answers) a
      where jsonb_typeof(a.value) = 'number' group by 1, 2, 3`,
  ],
  'ledger items per indicator': [
    sql`select campaign_id, indicator_id, live_items from campaign_indicator_items where live_items <> 0`,
    sql`select e.campaign_id, ei.indicator_id, count(*)::int
      from evidence_indicators ei join evidence_items e on e.id = ei.evidence_id
      where e.retracted_at is null and e.campaign_id is not null group by 1, 2`,
  ],
  'required materials named by live items': [
    sql`select campaign_id, indicator_id, ord, live_links from campaign_material_links where live_links <> 0`,
    sql`select e.campaign_id, ei.indicator_id, m.ord, count(*)::int
      from evidence_indicators ei join evidence_items e on e.id = ei.evidence_id cross join unnest(ei.matched) m(ord)
      where e.retracted_at is null and e.campaign_id is not null group by 1, 2, 3`,
  ],
  'ledger coverage': [
    sql`select campaign_id, covered_indicators from campaign_coverage where covered_indicators <> 0`,
    sql`select e.campaign_id, count(distinct ei.indicator_id)::int
      from evidence_indicators ei join evidence_items e on e.id = ei.evidence_id
      where e.retracted_at is null and e.campaign_id is not null group by 1`,
  ],
  // Every campaign has its row, zero coverage or not: the overview counts campaigns from them.
  'campaign phases': [
    sql`select campaign_id, office_id, unit_id, phase, framework_id from campaign_coverage`,
    sql`select id, office_id, unit_id, phase, framework_id from campaigns`,
  ],
  // Rows with no material named are left out on both sides, as zero counts are above.
  'materials named by each link': [
    sql`select evidence_id, indicator_id, matched from evidence_indicators where matched <> '{}'`,
    sql`select ei.evidence_id, ei.indicator_id, m.matched
      from evidence_indicators ei join evidence_items e on e.id = ei.evidence_id
      join framework_indicators i on i.id = ei.indicator_id
      cross join lateral (select evidence_material_matches(e.title, ei.materials, i.evidence) as matched) m
      where m.matched <> '{}'`,
  ],
  'freshness by month': [
    sql`select unit_id, month, filed_items, fresh_items from unit_month_filings
      where filed_items <> 0 or fresh_items <> 0`,
    sql`select unit_id, date_trunc('month', captured_at at time zone 'Asia/Shanghai')::date, count(*)::int,
        (count(*) filter (where (captured_at at time zone 'Asia/Shanghai')::date - event_date <= ${sql.lit(FRESH_WITHIN_DAYS)}))::int
      from evidence_items where retracted_at is null and carried_from is null group by 1, 2`,
  ],
  freshness: [
    sql`select unit_id, filed_items, fresh_items from unit_rollups where filed_items <> 0 or fresh_items <> 0`,
    sql`select unit_id, count(*)::int,
        (count(*) filter (where (captured_at at time zone 'Asia/Shanghai')::date - event_date <= ${sql.lit(FRESH_WITHIN_DAYS)}))::int
      from evidence_items where retracted_at is null and carried_from is null group by 1`,
  ],
  'overdue tasks': [
    sql`select unit_id, overdue_tasks from unit_rollups where overdue_tasks <> 0`,
    sql`select unit_id, count(*)::int from tasks
      where status <> 'done' and deadline < (select overdue_as_of from rollup_state) group by 1`,
  ],
};

/**
 * The rollups that differ from their base tables: rows kept that the base tables do not
 * give (`wrong`) and rows they give that are not kept (`missing`) — none, unless a write
 * bypassed the triggers (a restore of some tables only, `alter table … disable trigger`) or
 * the thresholds in @wenming/domain changed without a migration. Reads every answer, item
 * and task: an operator's check (`cli rollups check`), not a request's.
 */
export async function rollupDrift(db: Db): Promise<{ figure: string; wrong: number; missing: number }[]> {
  const out: { figure: string; wrong: number; missing: number }[] = [];
  for (const [figure, [kept, truth]] of Object.entries(FIGURES)) {
    const { rows } = await sql<{ wrong: number; missing: number }>`select
        (select count(*) from (${kept} except all ${truth}) x)::int as wrong,
        (select count(*) from (${truth} except all ${kept}) x)::int as missing`.execute(db);
    const { wrong, missing } = rows[0]!;
    if (wrong || missing) out.push({ figure, wrong, missing });
  }
  return out;
}

/** Rebuilds every rollup from the base tables (writers wait meanwhile); `today` is a China date. */
export async function refreshRollups(db: Db, today: string) {
  // The month ends kept for the trend were read from the same tables: kept again afterwards.
  await sql`delete from readiness_month_ends`.execute(db);
  // One statement, so one transaction: each function holds its tables' share locks until the end.
  await sql`select refresh_evidence_matches(), refresh_campaign_material_links(), refresh_rollups(${today}::date), refresh_campaign_phases(), refresh_survey_month_tallies(), refresh_unit_month_filings()`.execute(
    db,
  );
  await snapshotReadiness(db, today);
}

/**
 * Moves the overdue counters' date to `today`, so the analytics read only the tasks that
 * fell due since (see overdueByUnit). Exact at any date; a daily roll keeps that range to a
 * day. Does nothing when already there.
 */
export async function rollOverdueForward(db: Db, today: string): Promise<boolean> {
  const state = await sql<{ overdue_as_of: string }>`select overdue_as_of::text from rollup_state`.execute(
    db,
  );
  if (state.rows[0]?.overdue_as_of === today) return false;
  await sql`select roll_overdue_forward(${today}::date)`.execute(db);
  return true;
}
