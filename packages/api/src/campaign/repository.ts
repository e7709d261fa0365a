import type { AppAbility } from '@wenming/authz';
import { accessibleWhere } from '@wenming/authz/sql';
import type { Db, Tx } from '@wenming/db';
import { sql } from 'kysely';
import { officeSubtree } from '../office/repository';
import { containsPattern } from '../text-search';

function baseQuery(db: Db, today: string) {
  return (
    db
      .selectFrom('campaigns as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .innerJoin('offices as o', 'o.id', 'c.office_id')
      .innerJoin('frameworks as f', 'f.id', 'c.framework_id')
      // Tasks counted per campaign in one pass; `today` is the date in China (deadlines are dates).
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('tasks as t')
            .select([
              sql<number>`count(*)::int`.as('tasks'),
              sql<number>`(count(*) filter (where t.status = 'done'))::int`.as('done'),
              sql<number>`(count(*) filter (where t.status = 'in_progress'))::int`.as('in_progress'),
              sql<number>`(count(*) filter (where t.status <> 'done' and t.deadline < ${today}::date))::int`.as(
                'overdue',
              ),
            ])
            .whereRef('t.campaign_id', '=', 'c.id')
            .as('p'),
        (join) => join.onTrue(),
      )
      .selectAll('c')
      .select([
        'u.code as unit_code',
        'u.name as unit_name',
        'o.name as office_name',
        'f.code as framework_code',
        'f.version as framework_version',
        'f.name_zh as framework_name_zh',
        'f.name_en as framework_name_en',
        'p.tasks',
        'p.done',
        'p.in_progress',
        'p.overdue',
      ])
  );
}

export type CampaignRowFull = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

export interface CampaignListQuery {
  officeId?: string | undefined;
  unitId?: string | undefined;
  phase?: string | undefined;
  open?: boolean | undefined;
  q?: string | undefined;
  after?: [string, string] | undefined;
  limit: number;
}

export async function listCampaigns(db: Db, ability: AppAbility, today: string, query: CampaignListQuery) {
  let q = baseQuery(db, today).where(accessibleWhere(ability, 'read', 'Campaign', 'c'));
  if (query.officeId) q = q.where('c.office_id', 'in', officeSubtree(query.officeId));
  if (query.unitId) q = q.where('c.unit_id', '=', query.unitId);
  if (query.phase) q = q.where('c.phase', '=', query.phase as never);
  if (query.open !== undefined) {
    q = q.where('c.phase', query.open ? 'not in' : 'in', ['decided', 'withdrawn']);
  }
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) => eb.or([eb('u.name', 'ilike', pattern), eb('u.code', 'ilike', pattern)]));
  }
  // Newest first: the current campaign of a unit heads its list.
  if (query.after)
    q = q.where(
      sql<boolean>`(c.created_at, c.id) < (${query.after[0]}::timestamptz, ${query.after[1]}::uuid)`,
    );
  return q
    .select(sql<string>`c.created_at::text`.as('created_key'))
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(query.limit + 1)
    .execute();
}

export async function findCampaign(db: Db, id: string, today: string) {
  return baseQuery(db, today).where('c.id', '=', id).executeTakeFirst();
}

/**
 * `for no key update`: it keeps the campaign's phase and plans still while the caller works,
 * yet never waits for rows being filed into the campaign (their foreign keys only take a key
 * share lock); a plain `for update` starved behind a steady stream of filings.
 */
export async function lockCampaign(trx: Tx, id: string) {
  return trx.selectFrom('campaigns').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

export async function hasOpenCampaign(db: Db, unitId: string) {
  const row = await db
    .selectFrom('campaigns')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('phase', 'not in', ['decided', 'withdrawn'])
    .executeTakeFirst();
  return row !== undefined;
}

export async function listTransitions(db: Db, campaignId: string) {
  return db
    .selectFrom('campaign_transitions as t')
    .leftJoin('users as u', 'u.id', 't.actor_id')
    .select(['t.id', 't.from_phase', 't.to_phase', 't.comment', 't.at', 'u.display_name as actor_name'])
    .where('t.campaign_id', '=', campaignId)
    .orderBy('t.seq')
    .execute();
}

export async function listLeadingGroup(db: Db, campaignId: string, currentOnly: boolean) {
  let q = db
    .selectFrom('leading_group_members as m')
    .leftJoin('departments as d', 'd.id', 'm.department_id')
    .selectAll('m')
    .select('d.name as department_name')
    .where('m.campaign_id', '=', campaignId);
  if (currentOnly) q = q.where('m.valid_to', 'is', null);
  return q.orderBy('m.valid_from').orderBy('m.position').execute();
}

/** What the lifecycle guards need, gathered in one round trip. */
export async function campaignFacts(db: Db, campaignId: string) {
  const row = await db
    .selectFrom('campaigns as c')
    .select((eb) => [
      'c.plan',
      'c.implementation_plan',
      eb
        .selectFrom('leading_group_members as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.campaign_id', '=', 'c.id')
        .where('m.role', '=', 'leader')
        .where('m.valid_to', 'is', null)
        .as('leaders'),
      eb
        .selectFrom('tasks as t')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('t.campaign_id', '=', 'c.id')
        .as('tasks'),
      eb
        .selectFrom('tasks as t')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('t.campaign_id', '=', 'c.id')
        .where('t.required', '=', true)
        .where('t.status', '<>', 'done')
        .as('required_open'),
      // A veto confirmed before submission (e.g. from a department's consultation) stops it.
      eb
        .selectFrom('assessment_vetoes as v')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('v.campaign_id', '=', 'c.id')
        .where('v.cleared_at', 'is', null)
        .as('vetoes'),
    ])
    .where('c.id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return {
    hasLeader: Number(row.leaders) > 0,
    hasPlan: row.plan.trim().length > 0,
    hasImplementationPlan: row.implementation_plan.trim().length > 0,
    taskCount: Number(row.tasks),
    requiredTasksOpen: Number(row.required_open),
    confirmedVetoes: Number(row.vetoes),
  };
}
