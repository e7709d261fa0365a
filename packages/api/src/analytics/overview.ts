import { accessibleWhere, conditionFields } from '@wenming/authz/sql';
import { todayInChina } from '@wenming/core';
import type { TOverview } from '@wenming/domain';
import { sql } from 'kysely';
import type { AuthedContext } from '../context';
import { officeSubtree } from '../office/repository';
import { coverageBucket, overdueSince } from './rollups';
import { type Filter, unitsInScope } from './scope';

type Level = TOverview['unitsByLevel'][number]['level'];
type UnitType = TOverview['unitsByType'][number]['type'];
type Bucket = TOverview['coverage'][number]['bucket'];

interface OverviewRow {
  /**
   * Rows per (level, type) of the units in scope with their rollups summed, or (office-wide)
   * rows per (level, type) counting units and rows with no level summing the rollups.
   */
  units: {
    level: Level | null;
    type: UnitType | null;
    units: number;
    items: number;
    fresh: number;
    overdue: number;
    answers: number;
    satisfied: number;
  }[];
  /** One row per (phase, coverage bucket) of their campaigns; the bucket only for open ones. */
  campaigns: { phase: string; bucket: Bucket | null; n: number }[] | null;
  overdue_delta: number;
  overdue_orders: number;
}

/**
 * How the figures keep to the units in scope. Usually the caller's units are whole offices
 * (office roles, whose rules test only `office_id`) and no filter narrows them: then every
 * per-unit table (rollups, campaigns, tasks, orders) carries the unit's office and is read by
 * it, with no join to the units — at city scale the joins over 5,000 unit ids were most of
 * the statement. Otherwise (a unit role, a type, level or round filter) the units in scope
 * are worked out once and joined.
 */
function scopeOf(ctx: AuthedContext, filter: Filter) {
  const fields = conditionFields(ctx.ability, 'read', 'Unit');
  const narrowed = filter.unitType || filter.level || filter.termStartYear || filter.targetLevel;
  if (!narrowed && fields && [...fields].every((f) => f === 'office_id')) {
    const inScope = (alias: string) =>
      sql`${accessibleWhere(ctx.ability, 'read', 'Unit', alias)}${
        filter.officeId
          ? sql` and ${sql.ref(`${alias}.office_id`)} in ${officeSubtree(filter.officeId)}`
          : sql``
      }`;
    return {
      ctes: sql``,
      units: sql`select u.status_level as level, u.type, count(*)::int as units, 0 as items, 0 as fresh,
          0 as overdue, 0 as answers, 0 as satisfied
        from units u where ${inScope('u')} group by 1, 2
        union all
        select null, null, 0, coalesce(sum(r.filed_items), 0)::int, coalesce(sum(r.fresh_items), 0)::int,
          coalesce(sum(r.overdue_tasks) filter (where ${accessibleWhere(ctx.ability, 'read', 'Task', 'r')}), 0)::int,
          0, 0
        from unit_rollups r where ${inScope('r')}
        union all
        select null, null, 0, 0, 0, 0, coalesce(sum(t.answers), 0)::int, coalesce(sum(t.satisfied), 0)::int
        from survey_unit_tallies t where ${inScope('t')}`,
      inScope,
    };
  }
  return {
    ctes: sql`scope as materialized (${unitsInScope(ctx, filter).select(['u.status_level', 'u.type'])}),`,
    units: sql`select s.status_level as level, s.type, count(*)::int as units,
        coalesce(sum(r.filed_items), 0)::int as items, coalesce(sum(r.fresh_items), 0)::int as fresh,
        coalesce(sum(r.overdue_tasks) filter (where ${accessibleWhere(ctx.ability, 'read', 'Task', 'r')}), 0)::int as overdue,
        coalesce(sum(t.answers), 0)::int as answers, coalesce(sum(t.satisfied), 0)::int as satisfied
      from scope s
      left join unit_rollups r on r.unit_id = s.id
      left join (
        select unit_id, sum(answers) as answers, sum(satisfied) as satisfied
        from survey_unit_tallies group by unit_id
      ) t on t.unit_id = s.id
      group by 1, 2`,
    inScope: (alias: string) => sql`${sql.ref(`${alias}.unit_id`)} in (select id from scope)`,
  };
}

/**
 * The district at a glance over the caller's scope: units by level and type, campaigns by
 * phase, ledger coverage of open campaigns, overdue tasks and rectifications, satisfaction
 * and evidence freshness. One statement over the units' trigger-kept rollups (./rollups)
 * and their campaigns' coverage rows (one per campaign, with its phase), each read once (see
 * scopeOf); campaigns are grouped before their framework's indicator count is joined.
 */
export async function overview(ctx: AuthedContext, filter: Filter): Promise<TOverview> {
  const today = todayInChina(ctx.clock.now());
  const can = (subjectType: 'Campaign' | 'Rectification' | 'Task', alias: string) =>
    accessibleWhere(ctx.ability, 'read', subjectType, alias);
  const scope = scopeOf(ctx, filter);
  const { rows } = await sql<OverviewRow>`
    with ${scope.ctes}
    units_by as (${scope.units}),
    campaigns_by as (
      select g.phase,
        case when g.phase in ('decided', 'withdrawn') then null else ${coverageBucket(sql`g.covered`, sql`fi.n`)} end as bucket,
        sum(g.n)::int as n
      from (
        select cc.phase, cc.framework_id, cc.covered_indicators as covered, count(*) as n
        from campaign_coverage cc
        where ${scope.inScope('cc')} and ${can('Campaign', 'cc')}
        group by 1, 2, 3) g
      left join (select framework_id, count(*) as n from framework_indicators group by framework_id) fi
        on fi.framework_id = g.framework_id
      group by 1, 2)
    select
      (select coalesce(json_agg(x), '[]'::json) from units_by x) as units,
      (select json_agg(x) from campaigns_by x) as campaigns,
      (select coalesce(sum(d.n), 0)::int from (${overdueSince(scope.inScope('t'), today, can('Task', 't'))}) d) as overdue_delta,
      (select count(*)::int from rectifications r
        where ${scope.inScope('r')} and r.status <> 'closed' and r.deadline < ${today}::date
          and ${can('Rectification', 'r')}) as overdue_orders`.execute(ctx.db);
  const row = rows[0]!;
  const sum = <K extends keyof OverviewRow['units'][number]>(
    key: K,
    where = (_: OverviewRow['units'][number]) => true,
  ) => row.units.filter(where).reduce((n, u) => n + Number(u[key]), 0);
  const campaigns = row.campaigns ?? [];
  // The rows that only sum rollups carry no level or type.
  const distinct = <T>(values: (T | null)[]) => [...new Set(values)].filter((v): v is T => v !== null);
  const answers = sum('answers');
  const items = sum('items');
  return {
    units: sum('units'),
    unitsByLevel: distinct(row.units.map((u) => u.level)).map((level) => ({
      level,
      count: sum('units', (u) => u.level === level),
    })),
    unitsByType: distinct(row.units.map((u) => u.type)).map((type) => ({
      type,
      count: sum('units', (u) => u.type === type),
    })),
    campaignsByPhase: distinct(campaigns.map((c) => c.phase)).map((phase) => ({
      phase,
      count: campaigns.filter((c) => c.phase === phase).reduce((n, c) => n + Number(c.n), 0),
    })),
    coverage: (['0-25', '25-50', '50-75', '75-100'] as const).map((bucket) => ({
      bucket,
      count: campaigns.filter((c) => c.bucket === bucket).reduce((n, c) => n + Number(c.n), 0),
    })),
    overdueTasks: sum('overdue') + Number(row.overdue_delta),
    overdueRectifications: Number(row.overdue_orders),
    satisfaction: { answers, share: answers ? sum('satisfied') / answers : null },
    freshness: { items, share: items ? sum('fresh') / items : null },
  };
}
