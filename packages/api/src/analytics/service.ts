import { subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError, todayInChina } from '@wenming/core';
import { FRESH_WITHIN_DAYS, SATISFIED_FROM, type TOverview, type ZCompareInput } from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AuthedContext } from '../context';
import { completeness } from '../ledger/completeness';
import { type Filter, unitsInScope } from './scope';

/**
 * The district at a glance, each figure one SQL aggregate over the caller's scope: units by
 * level and type, campaigns by phase, ledger coverage of open campaigns, overdue tasks and
 * rectifications, satisfaction and evidence freshness.
 */
export async function overview(ctx: AuthedContext, filter: Filter): Promise<TOverview> {
  const scope = unitsInScope(ctx, filter);
  const today = todayInChina(ctx.clock.now());
  const [levels, types, phases, coverage, overdueTasks, overdueOrders, satisfaction, freshness] =
    await Promise.all([
      ctx.db
        .selectFrom('units')
        .select(['status_level as level', sql<number>`count(*)::int`.as('count')])
        .where('id', 'in', scope)
        .groupBy('status_level')
        .execute(),
      ctx.db
        .selectFrom('units')
        .select(['type', sql<number>`count(*)::int`.as('count')])
        .where('id', 'in', scope)
        .groupBy('type')
        .execute(),
      ctx.db
        .selectFrom('campaigns as c')
        .select(['c.phase', sql<number>`count(*)::int`.as('count')])
        .where('c.unit_id', 'in', scope)
        .where(accessibleWhere(ctx.ability, 'read', 'Campaign', 'c'))
        .groupBy('c.phase')
        .execute(),
      sql<{ bucket: string; count: number }>`
      select case when share < 0.25 then '0-25' when share < 0.5 then '25-50' when share < 0.75 then '50-75' else '75-100' end as bucket,
             count(*)::int as count
      from (
        select c.id,
          (select count(distinct ei.indicator_id) from evidence_indicators ei join evidence_items e on e.id = ei.evidence_id
            where e.campaign_id = c.id and e.retracted_at is null)::float
          / greatest((select count(*) from framework_indicators i where i.framework_id = c.framework_id), 1) as share
        from campaigns c
        where c.unit_id in (${scope}) and c.phase not in ('decided', 'withdrawn')
      ) s group by 1`.execute(ctx.db),
      ctx.db
        .selectFrom('tasks as t')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('t.unit_id', 'in', scope)
        .where('t.status', '<>', 'done')
        .where(sql<boolean>`t.deadline < ${today}::date`)
        .where(accessibleWhere(ctx.ability, 'read', 'Task', 't'))
        .executeTakeFirstOrThrow(),
      ctx.db
        .selectFrom('rectifications as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('r.unit_id', 'in', scope)
        .where('r.status', '<>', 'closed')
        .where('r.deadline', '<', today)
        .where(accessibleWhere(ctx.ability, 'read', 'Rectification', 'r'))
        .executeTakeFirstOrThrow(),
      sql<{ answers: number; satisfied: number }>`
      select count(*)::int as answers, (count(*) filter (where (a.value)::text::int >= ${SATISFIED_FROM}))::int as satisfied
      from survey_responses r cross join lateral jsonb_each(r.answers) a
      where r.unit_id in (${scope}) and jsonb_typeof(a.value) = 'number'`.execute(ctx.db),
      sql<{ items: number; fresh: number }>`
      select count(*)::int as items,
        (count(*) filter (where (e.captured_at at time zone 'Asia/Shanghai')::date - e.event_date <= ${FRESH_WITHIN_DAYS}))::int as fresh
      from evidence_items e
      where e.unit_id in (${scope}) and e.retracted_at is null and e.carried_from is null`.execute(ctx.db),
    ]);
  const s = satisfaction.rows[0]!;
  const fr = freshness.rows[0]!;
  return {
    units: levels.reduce((n, l) => n + Number(l.count), 0),
    unitsByLevel: levels.map((l) => ({ level: l.level, count: Number(l.count) })),
    unitsByType: types.map((t) => ({ type: t.type, count: Number(t.count) })),
    campaignsByPhase: phases.map((p) => ({ phase: p.phase, count: Number(p.count) })),
    coverage: (['0-25', '25-50', '50-75', '75-100'] as const).map((bucket) => ({
      bucket,
      count: Number(coverage.rows.find((r) => r.bucket === bucket)?.count ?? 0),
    })),
    overdueTasks: Number(overdueTasks.n),
    overdueRectifications: Number(overdueOrders.n),
    satisfaction: {
      answers: Number(s.answers),
      share: Number(s.answers) ? Number(s.satisfied) / Number(s.answers) : null,
    },
    freshness: {
      items: Number(fr.items),
      share: Number(fr.items) ? Number(fr.fresh) / Number(fr.items) : null,
    },
  };
}

/** Side by side: each unit's open campaign readiness by category (the radar), satisfaction, overdue tasks. */
export async function compare(ctx: AuthedContext, input: z.output<typeof ZCompareInput>) {
  const units = await ctx.db
    .selectFrom('units')
    .select(['id', 'name', 'office_id'])
    .where('id', 'in', input.unitIds)
    .execute();
  if (
    units.length !== new Set(input.unitIds).size ||
    units.some((u) => !ctx.ability.can('read', subject('Unit', u)))
  ) {
    throw new AppError('NOT_FOUND', { message: 'unit not found', params: { entity: 'unit' } });
  }
  const today = todayInChina(ctx.clock.now());
  const out = [];
  for (const id of input.unitIds) {
    const unit = units.find((u) => u.id === id)!;
    const campaign = await ctx.db
      .selectFrom('campaigns as c')
      .innerJoin('frameworks as f', 'f.id', 'c.framework_id')
      .select(['c.id', 'f.code', 'f.version'])
      .where('c.unit_id', '=', id)
      .where(accessibleWhere(ctx.ability, 'read', 'Campaign', 'c'))
      .orderBy(sql`c.phase in ('decided', 'withdrawn')`)
      .orderBy('c.created_at', 'desc')
      .executeTakeFirst();
    const c = campaign ? await completeness(ctx, campaign.id) : null;
    const sat = await sql<{ answers: number; satisfied: number }>`
      select count(*)::int as answers, (count(*) filter (where (a.value)::text::int >= ${SATISFIED_FROM}))::int as satisfied
      from survey_responses r cross join lateral jsonb_each(r.answers) a
      where r.unit_id = ${id} and jsonb_typeof(a.value) = 'number'`.execute(ctx.db);
    const overdue = await ctx.db
      .selectFrom('tasks')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('unit_id', '=', id)
      .where('status', '<>', 'done')
      .where(sql<boolean>`deadline < ${today}::date`)
      .executeTakeFirstOrThrow();
    const s = sat.rows[0]!;
    out.push({
      unitId: id,
      unitName: unit.name,
      campaignId: campaign?.id ?? null,
      framework: campaign ? `${campaign.code} v${campaign.version}` : null,
      readiness: c?.readiness ?? null,
      categories: c?.categories.map((x) => ({ code: x.code, name: x.name, readiness: x.readiness })) ?? [],
      satisfaction: Number(s.answers) ? Number(s.satisfied) / Number(s.answers) : null,
      overdueTasks: Number(overdue.n),
    });
  }
  return { units: out };
}
