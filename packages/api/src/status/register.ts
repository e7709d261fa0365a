import { accessibleWhere } from '@wenming/authz/sql';
import { todayInChina } from '@wenming/core';
import {
  allowedManagementActions,
  type Standing,
  type StatusAction,
  type StatusLevel,
  type ZStatusRegisterQuery,
} from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AuthedContext } from '../context';
import { officeSubtree } from '../office/repository';
import { decodeCursor, pageOf } from '../pagination';
import { containsPattern } from '../text-search';

/** The standing, computed in SQL from the unit's level, term and latest register entry (see standingOf). */
const standing = (year: number) => sql<Standing>`case
  when s.action = 'revocation' then 'revoked'
  when s.action = 'lapse' then 'lapsed'
  when u.status_level = 'none' then 'none'
  when u.term_end_year < ${year} then 'expired'
  when s.action = 'yellow_card' then 'yellow_card'
  else 'held' end`;

function base(ctx: AuthedContext, year: number) {
  return ctx.db
    .selectFrom('units as u')
    .innerJoin('offices as o', 'o.id', 'u.office_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('status_records as r')
          .select(['r.action', 'r.decided_on', 'r.deadline'])
          .whereRef('r.unit_id', '=', 'u.id')
          .orderBy('r.seq', 'desc')
          .limit(1)
          .as('s'),
      (j) => j.onTrue(),
    )
    .where(accessibleWhere(ctx.ability, 'read', 'Unit', 'u'))
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.office_id',
      'o.name as office_name',
      'u.status_level',
      'u.term_start_year',
      'u.term_end_year',
      'u.decision_no',
      's.action',
      's.decided_on',
      's.deadline',
      standing(year).as('standing'),
      sql<boolean>`(u.status_level <> 'none' and u.term_end_year between ${year} and ${year + 1}
        and coalesce(s.action, '') not in ('revocation', 'lapse'))`.as('ending_soon'),
    ]);
}

type Query = z.output<typeof ZStatusRegisterQuery>;

function filtered<Q extends ReturnType<typeof base>>(q: Q, input: Query, year: number): Q {
  let out = q;
  if (input.officeId) out = out.where('u.office_id', 'in', officeSubtree(input.officeId)) as Q;
  if (input.level) out = out.where('u.status_level', '=', input.level) as Q;
  if (input.q) {
    const pattern = containsPattern(input.q);
    out = out.where(sql<boolean>`(u.name ilike ${pattern} or u.code ilike ${pattern})`) as Q;
  }
  if (input.standing) out = out.where(standing(year), '=', input.standing) as Q;
  if (input.termEndingSoon) {
    out = out.where(
      sql<boolean>`u.status_level <> 'none' and u.term_end_year between ${year} and ${year + 1}
        and coalesce(s.action, '') not in ('revocation', 'lapse')`,
    ) as Q;
  }
  return out;
}

/** The status register (文明单位名录): every unit in scope with its title, term and standing. */
export async function register(ctx: AuthedContext, input: Query) {
  const year = Number(todayInChina(ctx.clock.now()).slice(0, 4));
  let q = filtered(base(ctx, year), input, year);
  if (input.cursor) {
    const [code, id] = decodeCursor(input.cursor, 2) as [string, string];
    q = q.where(sql<boolean>`(u.code, u.id) > (${code}, ${id}::uuid)`);
  }
  const rows = await q
    .orderBy('u.code')
    .orderBy('u.id')
    .limit(input.limit + 1)
    .execute();
  const scope = filtered(base(ctx, year), { ...input, standing: undefined, termEndingSoon: undefined }, year);
  const counts = await ctx.db
    .selectFrom(scope.as('x'))
    .select([
      sql<number>`(count(*) filter (where x.standing = 'held'))::int`.as('held'),
      sql<number>`(count(*) filter (where x.standing = 'yellow_card'))::int`.as('yellow_card'),
      sql<number>`(count(*) filter (where x.standing = 'revoked'))::int`.as('revoked'),
      sql<number>`(count(*) filter (where x.ending_soon))::int`.as('ending_soon'),
    ])
    .executeTakeFirstOrThrow();
  const page = pageOf(
    rows,
    input.limit,
    (r) => ({
      unitId: r.id,
      unitCode: r.code,
      unitName: r.name,
      officeId: r.office_id,
      officeName: r.office_name,
      level: r.status_level as StatusLevel,
      termStartYear: r.term_start_year,
      termEndYear: r.term_end_year,
      decisionNo: r.decision_no,
      standing: r.standing,
      lastAction: (r.action ?? null) as StatusAction | null,
      lastDecidedOn: r.decided_on ?? null,
      deadline: r.standing === 'yellow_card' ? (r.deadline ?? null) : null,
      termEndsSoon: r.ending_soon,
      allowedActions: [...allowedManagementActions(r.standing)],
    }),
    (r) => [r.code, r.id],
  );
  return {
    ...page,
    counts: {
      held: counts.held,
      yellowCard: counts.yellow_card,
      revoked: counts.revoked,
      endingSoon: counts.ending_soon,
    },
  };
}
