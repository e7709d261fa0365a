import { accessibleWhere } from '@wenming/authz/sql';
import { todayInChina } from '@wenming/core';
import { rankBy, type TRanking, type ZRankingInput } from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AuthedContext } from '../context';
import { assessmentTotals } from './assessment-score';
import { readinessOf } from './readiness-sql';
import { satisfactionByUnit } from './rollups';
import { campaignPerUnit, unitsInScope } from './scope';

const share = (part: number, whole: number) => (whole ? part / whole : null);

/**
 * Units of an office subtree, a unit type or a round, ranked by one figure and showing the
 * others beside it. Every figure is one SQL aggregate over the whole scope; only the
 * ordering happens here.
 */
export async function ranking(ctx: AuthedContext, input: z.output<typeof ZRankingInput>): Promise<TRanking> {
  const scope = unitsInScope(ctx, input);
  const campaigns = campaignPerUnit(ctx, input);
  const today = todayInChina(ctx.clock.now());
  const tasks = ctx.db
    .selectFrom('tasks as t')
    .select([
      't.campaign_id',
      sql<number>`count(*)::int`.as('tasks'),
      sql<number>`(count(*) filter (where t.status = 'done'))::int`.as('done'),
    ])
    .where('t.campaign_id', 'in', sql<string>`(select id from c)`)
    .where(accessibleWhere(ctx.ability, 'read', 'Task', 't'))
    .groupBy('t.campaign_id');
  const orders = ctx.db
    .selectFrom('rectifications as r')
    .select([
      'r.unit_id',
      sql<number>`count(*)::int`.as('orders'),
      sql<number>`(count(*) filter (where r.closed_at is not null))::int`.as('closed'),
      sql<number>`(count(*) filter (where (r.closed_at at time zone 'Asia/Shanghai')::date <= r.deadline))::int`.as(
        'on_time',
      ),
      sql<number>`(count(*) filter (where r.status <> 'closed' and r.deadline < ${today}::date))::int`.as(
        'overdue',
      ),
    ])
    .where('r.unit_id', 'in', scope)
    .where(accessibleWhere(ctx.ability, 'read', 'Rectification', 'r'))
    .groupBy('r.unit_id');
  const rows = await sql<{
    id: string;
    code: string;
    name: string;
    office_name: string;
    type: TRanking['items'][number]['type'];
    level: TRanking['items'][number]['level'];
    campaign_id: string | null;
    phase: string | null;
    readiness: number | null;
    tasks: number;
    tasks_done: number;
    answers: number;
    satisfied: number;
    orders: number;
    closed: number;
    on_time: number;
    overdue: number;
  }>`
    with c as (${campaigns}),
    -- Materialized: inlined, the planner may recompute every campaign's readiness per unit row.
    r as materialized (${readinessOf(sql`select '' as key, id, framework_id from c`)}),
    t as (${tasks}),
    s as (${satisfactionByUnit(scope)}),
    o as (${orders})
    select u.id, u.code, u.name, f.name as office_name, u.type, u.status_level as level,
      c.id as campaign_id, c.phase, r.readiness,
      coalesce(t.tasks, 0) as tasks, coalesce(t.done, 0) as tasks_done,
      coalesce(s.answers, 0) as answers, coalesce(s.satisfied, 0) as satisfied,
      coalesce(o.orders, 0) as orders, coalesce(o.closed, 0) as closed,
      coalesce(o.on_time, 0) as on_time, coalesce(o.overdue, 0) as overdue
    from units u
    join offices f on f.id = u.office_id
    left join c on c.unit_id = u.id
    left join r on r.id = c.id
    left join t on t.campaign_id = c.id
    left join s on s.unit_id = u.id
    left join o on o.unit_id = u.id
    where u.id in (${scope})`.execute(ctx.db);
  const scores = await assessmentTotals(
    ctx,
    rows.rows.flatMap((r) => (r.campaign_id && r.phase ? [{ id: r.campaign_id, phase: r.phase }] : [])),
  );
  const ranked = rankBy(
    rows.rows.map((r) => ({
      unitId: r.id,
      unitCode: r.code,
      unitName: r.name,
      officeName: r.office_name,
      type: r.type,
      level: r.level,
      campaignId: r.campaign_id,
      readiness: r.campaign_id && r.readiness !== null ? Number(r.readiness) : null,
      taskCompletion: share(Number(r.tasks_done), Number(r.tasks)),
      tasks: Number(r.tasks),
      satisfaction: share(Number(r.satisfied), Number(r.answers)),
      answers: Number(r.answers),
      rectificationOnTime: share(Number(r.on_time), Number(r.closed)),
      rectifications: Number(r.orders),
      overdueRectifications: Number(r.overdue),
      score: r.campaign_id ? (scores.get(r.campaign_id) ?? null) : null,
    })),
    input.metric,
    input.direction,
  );
  return { metric: input.metric, total: ranked.length, items: ranked.slice(0, input.limit) };
}
