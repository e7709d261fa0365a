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
  return sql<{ unit_id: string; n: number }>`
    select unit_id, sum(n)::int as n from (
      select r.unit_id, r.overdue_tasks as n from unit_rollups r
      where r.unit_id in (${units}) and r.overdue_tasks <> 0 and ${accessibleWhere(ctx.ability, 'read', 'Task', 'r')}
      union all
      ${overdueSince(sql`t.unit_id in (${units})`, today, accessibleWhere(ctx.ability, 'read', 'Task', 't'))}
    ) x group by unit_id`;
}

/**
 * The correction to the overdue counters for `today` (see overdueByUnit): +1 for each open
 * task that fell due since rollup_state.overdue_as_of, −1 for each the counters hold that is
 * not yet due, per unit, for the tasks `t` that `inScope` keeps.
 */
export function overdueSince(
  inScope: Expression<unknown>,
  today: string,
  canRead: ReturnType<typeof accessibleWhere>,
) {
  const asOf = sql`(select overdue_as_of from rollup_state)`;
  return sql<{ unit_id: string; n: number }>`
    select t.unit_id, case when t.deadline < ${today}::date then 1 else -1 end as n from tasks t
    where ${inScope} and t.status <> 'done'
      and t.deadline >= least(${asOf}, ${today}::date) and t.deadline < greatest(${asOf}, ${today}::date)
      and ${canRead}`;
}

/** The coverage bucket of a campaign: the share of its framework's `indicators` with live evidence. */
export function coverageBucket(covered: Expression<unknown>, indicators: Expression<unknown>) {
  return sql<string>`case width_bucket(coalesce(${covered}, 0)::float / greatest(coalesce(${indicators}, 0), 1), 0, 1, 4)
    when 1 then '0-25' when 2 then '25-50' when 3 then '50-75' else '75-100' end`;
}
