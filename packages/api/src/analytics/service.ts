import { subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError, todayInChina } from '@wenming/core';
import type { TOverview, ZCompareInput } from '@wenming/domain';
import { type Expression, sql } from 'kysely';
import type { z } from 'zod';
import type { AuthedContext } from '../context';
import { ledgerReadiness } from '../ledger/completeness';
import { coverageOf, freshnessOf, overdueByUnit, satisfactionByUnit, totalOf } from './rollups';
import { type Filter, unitsInScope } from './scope';

interface OverviewRow {
  levels: { level: TOverview['unitsByLevel'][number]['level']; count: number }[];
  types: { type: TOverview['unitsByType'][number]['type']; count: number }[];
  phases: { phase: TOverview['campaignsByPhase'][number]['phase']; count: number }[];
  coverage: { bucket: string; count: number }[];
  overdue_tasks: { n: number };
  overdue_orders: { n: number };
  satisfaction: { answers: number; satisfied: number };
  freshness: { items: number; fresh: number };
}

const list = (q: Expression<unknown>) => sql`(select coalesce(json_agg(x), '[]'::json) from (${q}) x)`;
const one = (q: Expression<unknown>) => sql`(select row_to_json(x) from (${q}) x)`;

/**
 * The district at a glance over the caller's scope: units by level and type, campaigns by
 * phase, ledger coverage of open campaigns, overdue tasks and rectifications, satisfaction
 * and evidence freshness. One statement, the scope worked out once; coverage, overdue
 * tasks, satisfaction and freshness read the trigger-kept rollups (./rollups), so they are
 * exact and cost a row per unit or campaign, not a scan of the city's ledgers and answers.
 */
export async function overview(ctx: AuthedContext, filter: Filter): Promise<TOverview> {
  const today = todayInChina(ctx.clock.now());
  const scope = sql`select id from scope`;
  const can = (subjectType: 'Campaign' | 'Rectification', alias: string) =>
    accessibleWhere(ctx.ability, 'read', subjectType, alias);
  const { rows } = await sql<OverviewRow>`
    with scope as materialized (${unitsInScope(ctx, filter).select(['u.status_level', 'u.type'])})
    select
      ${list(sql`select status_level as level, count(*)::int as count from scope group by 1`)} as levels,
      ${list(sql`select type, count(*)::int as count from scope group by 1`)} as types,
      ${list(sql`select c.phase, count(*)::int as count from campaigns c
        where c.unit_id in (${scope}) and ${can('Campaign', 'c')} group by 1`)} as phases,
      ${list(coverageOf(scope))} as coverage,
      ${one(totalOf(overdueByUnit(ctx, scope, today), 'n'))} as overdue_tasks,
      ${one(sql`select count(*)::int as n from rectifications r where r.unit_id in (${scope})
        and r.status <> 'closed' and r.deadline < ${today}::date and ${can('Rectification', 'r')}`)} as overdue_orders,
      ${one(totalOf(satisfactionByUnit(scope), 'answers', 'satisfied'))} as satisfaction,
      ${one(freshnessOf(scope))} as freshness`.execute(ctx.db);
  const { levels, types, phases, coverage, overdue_tasks, overdue_orders, satisfaction, freshness } =
    rows[0]!;
  return {
    units: levels.reduce((n, l) => n + Number(l.count), 0),
    unitsByLevel: levels.map((l) => ({ level: l.level, count: Number(l.count) })),
    unitsByType: types.map((t) => ({ type: t.type, count: Number(t.count) })),
    campaignsByPhase: phases.map((p) => ({ phase: p.phase, count: Number(p.count) })),
    coverage: (['0-25', '25-50', '50-75', '75-100'] as const).map((bucket) => ({
      bucket,
      count: Number(coverage.find((r) => r.bucket === bucket)?.count ?? 0),
    })),
    overdueTasks: Number(overdue_tasks.n),
    overdueRectifications: Number(overdue_orders.n),
    satisfaction: {
      answers: Number(satisfaction.answers),
      share: Number(satisfaction.answers)
        ? Number(satisfaction.satisfied) / Number(satisfaction.answers)
        : null,
    },
    freshness: {
      items: Number(freshness.items),
      share: Number(freshness.items) ? Number(freshness.fresh) / Number(freshness.items) : null,
    },
  };
}

/**
 * Side by side: each unit's open campaign readiness by category (the radar), satisfaction,
 * overdue tasks. One statement per figure for all the units, not a round of them per unit.
 */
export async function compare(ctx: AuthedContext, input: z.output<typeof ZCompareInput>) {
  const ids = [...new Set(input.unitIds)];
  const units = await ctx.db
    .selectFrom('units')
    .select(['id', 'name', 'office_id'])
    .where('id', 'in', ids)
    .execute();
  if (units.length !== ids.length || units.some((u) => !ctx.ability.can('read', subject('Unit', u)))) {
    throw new AppError('NOT_FOUND', { message: 'unit not found', params: { entity: 'unit' } });
  }
  const today = todayInChina(ctx.clock.now());
  const list = sql.join(ids);
  const [campaigns, satisfaction, overdue] = await Promise.all([
    ctx.db
      .selectFrom('campaigns as c')
      .innerJoin('frameworks as f', 'f.id', 'c.framework_id')
      .select(['c.unit_id', 'c.id', 'c.framework_id', 'f.code', 'f.version'])
      .distinctOn('c.unit_id')
      .where('c.unit_id', 'in', ids)
      .where(accessibleWhere(ctx.ability, 'read', 'Campaign', 'c'))
      .orderBy('c.unit_id')
      .orderBy(sql`c.phase in ('decided', 'withdrawn')`)
      .orderBy('c.created_at', 'desc')
      .execute(),
    satisfactionByUnit(list).execute(ctx.db),
    overdueByUnit(ctx, list, today).execute(ctx.db),
  ]);
  const readiness = await readinessOfCampaigns(ctx, campaigns);
  return {
    units: input.unitIds.map((id) => {
      const unit = units.find((u) => u.id === id)!;
      const campaign = campaigns.find((c) => c.unit_id === id);
      const r = campaign ? readiness.get(campaign.id)! : null;
      const s = satisfaction.rows.find((x) => x.unit_id === id);
      return {
        unitId: id,
        unitName: unit.name,
        campaignId: campaign?.id ?? null,
        framework: campaign ? `${campaign.code} v${campaign.version}` : null,
        readiness: r?.readiness ?? null,
        categories: r?.categories.map((x) => ({ code: x.code, name: x.name, readiness: x.readiness })) ?? [],
        satisfaction: s && Number(s.answers) ? Number(s.satisfied) / Number(s.answers) : null,
        overdueTasks: Number(overdue.rows.find((x) => x.unit_id === id)?.n ?? 0),
      };
    }),
  };
}

/** Ledger readiness of several campaigns (ledgerReadiness), their rows loaded in three statements. */
async function readinessOfCampaigns(ctx: AuthedContext, campaigns: { id: string; framework_id: string }[]) {
  const out = new Map<string, ReturnType<typeof ledgerReadiness>>();
  if (campaigns.length === 0) return out;
  const frameworks = [...new Set(campaigns.map((c) => c.framework_id))];
  const [indicators, categories, links] = await Promise.all([
    ctx.db
      .selectFrom('framework_indicators as i')
      .innerJoin('framework_categories as c', 'c.id', 'i.category_id')
      .select([
        'i.framework_id',
        'i.id',
        'i.code',
        'i.name_zh',
        'i.points',
        'i.evidence',
        'c.code as category',
      ])
      .where('i.framework_id', 'in', frameworks)
      .orderBy('c.position')
      .orderBy('i.position')
      .execute(),
    ctx.db
      .selectFrom('framework_categories')
      .select(['framework_id', 'code', 'name_zh', 'points'])
      .where('framework_id', 'in', frameworks)
      .orderBy('position')
      .execute(),
    ctx.db
      .selectFrom('evidence_indicators as ei')
      .innerJoin('evidence_items as e', 'e.id', 'ei.evidence_id')
      .select(['e.campaign_id', 'ei.indicator_id', 'e.id', 'e.title', 'ei.materials'])
      .where(
        'e.campaign_id',
        'in',
        campaigns.map((c) => c.id),
      )
      .where('e.retracted_at', 'is', null)
      .execute(),
  ]);
  for (const c of campaigns) {
    out.set(
      c.id,
      ledgerReadiness(
        indicators.filter((i) => i.framework_id === c.framework_id),
        categories.filter((x) => x.framework_id === c.framework_id),
        links.filter((l) => l.campaign_id === c.id),
      ),
    );
  }
  return out;
}
