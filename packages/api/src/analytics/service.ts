import { subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError, todayInChina } from '@wenming/core';
import type { ZCompareInput } from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AuthedContext } from '../context';
import { readinessBreakdown } from './readiness-sql';
import { overdueByUnit, satisfactionByUnit } from './rollups';

interface CompareRow {
  unit_id: string;
  campaign_id: string | null;
  framework: string | null;
  readiness: number | null;
  categories: { code: string; name: string; readiness: number }[] | null;
  indicators: { code: string; name: string; category: string; readiness: number }[] | null;
  answers: number | null;
  satisfied: number | null;
  overdue: number | null;
}

/**
 * Side by side: each unit's open campaign (else its latest) with its ledger readiness, by
 * category for the radar and by indicator for the table of gaps, satisfaction and overdue tasks. One statement for all the units,
 * readiness worked out in SQL (readinessBreakdown) rather than from their items in Node.
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
  const campaigns = ctx.db
    .selectFrom('campaigns as c')
    .innerJoin('frameworks as f', 'f.id', 'c.framework_id')
    .select(['c.unit_id as key', 'c.id', 'c.framework_id'])
    .select(sql<string>`f.code || ' v' || f.version`.as('framework'))
    .distinctOn('c.unit_id')
    .where('c.unit_id', 'in', ids)
    .where(accessibleWhere(ctx.ability, 'read', 'Campaign', 'c'))
    .orderBy('c.unit_id')
    .orderBy(sql`c.phase in ('decided', 'withdrawn')`)
    .orderBy('c.created_at', 'desc');
  const { rows } = await sql<CompareRow>`
    with cs as materialized (${campaigns}),
    rd as materialized (${readinessBreakdown(sql`select key, id, framework_id from cs`)})
    select u.id as unit_id, cs.id as campaign_id, cs.framework,
      (select rd.readiness from rd where rd.id = cs.id and rd.category_id is null and rd.indicator_id is null) as readiness,
      (select json_agg(json_build_object('code', fc.code, 'name', fc.name_zh, 'readiness', coalesce(rd.readiness, 0))
          order by fc.position)
        from framework_categories fc
        left join rd on rd.id = cs.id and rd.category_id = fc.id and rd.indicator_id is null
        where fc.framework_id = cs.framework_id) as categories,
      (select json_agg(json_build_object('code', i.code, 'name', i.name_zh, 'category', fc.code,
            'readiness', coalesce(rd.readiness, 0)) order by fc.position, i.position)
        from framework_indicators i
        join framework_categories fc on fc.id = i.category_id
        left join rd on rd.id = cs.id and rd.indicator_id = i.id
        where i.framework_id = cs.framework_id) as indicators,
      sat.answers, sat.satisfied, od.n as overdue
    from units u
    left join cs on cs.key = u.id
    left join (${satisfactionByUnit(list)}) sat on sat.unit_id = u.id
    left join (${overdueByUnit(ctx, list, today)}) od on od.unit_id = u.id
    where u.id in (${list})`.execute(ctx.db);
  return {
    units: input.unitIds.map((id) => {
      const r = rows.find((x) => x.unit_id === id)!;
      return {
        unitId: id,
        unitName: units.find((u) => u.id === id)!.name,
        campaignId: r.campaign_id,
        framework: r.framework,
        readiness: r.campaign_id ? Number(r.readiness ?? 0) : null,
        categories: r.categories ?? [],
        indicators: r.indicators ?? [],
        satisfaction: Number(r.answers) ? Number(r.satisfied) / Number(r.answers) : null,
        overdueTasks: Number(r.overdue ?? 0),
      };
    }),
  };
}
