import { accessibleWhere } from '@wenming/authz/sql';
import { type Expression, sql } from 'kysely';
import type { AuthedContext } from '../context';

// biome-ignore lint/suspicious/noExplicitAny: any subquery of unit ids
type Units = Expression<any>;

/**
 * Readers of the rollups the migration 2026_11_27_195000 keeps with triggers (satisfaction
 * tallies, ledger coverage, freshness and overdue counters): a few thousand small rows per
 * figure instead of millions of answers, items and tasks. `units` is a subquery or list of
 * unit ids each figure is restricted to.
 */

/** Numeric answers and how many are satisfied, per unit. */
export function satisfactionByUnit(units: Units) {
  return sql<{ unit_id: string; answers: number; satisfied: number }>`
    select s.unit_id, sum(s.answers)::int as answers, sum(s.satisfied)::int as satisfied
    from survey_unit_tallies s where s.unit_id in (${units}) group by s.unit_id`;
}

/**
 * Open tasks past their deadline on `today`, per unit. The counters hold those due before
 * rollup_state.overdue_as_of; the tasks due between that date and today (either way round)
 * are counted from the partial index of open tasks — a day's worth when the scheduler rolls
 * the date forward, and exact whatever the date.
 */
export function overdueByUnit(ctx: AuthedContext, units: Units, today: string) {
  const asOf = sql`(select overdue_as_of from rollup_state)`;
  return sql<{ unit_id: string; n: number }>`
    select unit_id, sum(n)::int as n from (
      select r.unit_id, r.overdue_tasks as n from unit_rollups r
      where r.unit_id in (${units}) and r.overdue_tasks <> 0 and ${accessibleWhere(ctx.ability, 'read', 'Task', 'r')}
      union all
      select t.unit_id, case when t.deadline < ${today}::date then 1 else -1 end from tasks t
      where t.status <> 'done' and t.unit_id in (${units})
        and t.deadline >= least(${asOf}, ${today}::date) and t.deadline < greatest(${asOf}, ${today}::date)
        and ${accessibleWhere(ctx.ability, 'read', 'Task', 't')}
    ) x group by unit_id`;
}

/** The sums of `columns` over a per-unit figure's rows (0 when there are none). */
export function totalOf<C extends string>(perUnit: Expression<unknown>, ...columns: C[]) {
  const sums = columns.map((c) => sql`coalesce(sum(${sql.ref(c)}), 0)::int as ${sql.ref(c)}`);
  return sql<Record<C, number>>`select ${sql.join(sums)} from (${perUnit}) x`;
}

/** Live items filed this term and those filed within a week of their event, over the units. */
export function freshnessOf(units: Units) {
  return sql<{ items: number; fresh: number }>`
    select coalesce(sum(r.filed_items), 0)::int as items, coalesce(sum(r.fresh_items), 0)::int as fresh
    from unit_rollups r where r.unit_id in (${units})`;
}

/** Open campaigns of the units by the share of their framework's indicators with live evidence. */
export function coverageOf(units: Units) {
  return sql<{ bucket: string; count: number }>`
    select case when share < 0.25 then '0-25' when share < 0.5 then '25-50' when share < 0.75 then '50-75' else '75-100' end as bucket,
           count(*)::int as count
    from (
      select coalesce(cc.covered_indicators, 0)::float / greatest(coalesce(fi.n, 0), 1) as share
      from campaigns c
      left join campaign_coverage cc on cc.campaign_id = c.id
      left join (select framework_id, count(*) as n from framework_indicators group by framework_id) fi
        on fi.framework_id = c.framework_id
      where c.unit_id in (${units}) and c.phase not in ('decided', 'withdrawn')
    ) s group by 1`;
}
