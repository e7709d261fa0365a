import { ForbiddenError, subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError, todayInChina } from '@wenming/core';
import { withTx } from '@wenming/db';
import type { TSelection, ZCreateSelection, ZListSelections, ZNominate, ZVote } from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import * as evidence from '../ledger/service';
import * as units from '../unit/repository';

const CATEGORY_ZH = {
  civilized_department: '文明科室',
  civilized_staff: '文明职工',
  post_expert: '岗位能手',
  moral_model: '道德模范',
  other: '评选',
} as const;

async function readable(ctx: AuthedContext, id: string, forUpdate = false) {
  let q = ctx.db
    .selectFrom('selections as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .selectAll('s')
    .select('u.name as unit_name')
    .where('s.id', '=', id);
  if (forUpdate) q = q.forUpdate('s');
  const row = await q.executeTakeFirst();
  if (!row || !ctx.ability.can('read', subject('Selection', row)))
    throw new AppError('NOT_FOUND', { message: 'selection not found' });
  return row;
}

async function toSelection(
  ctx: AuthedContext,
  row: Awaited<ReturnType<typeof readable>>,
): Promise<TSelection> {
  const nominees = await ctx.db
    .selectFrom('selection_nominees as n')
    .leftJoin('departments as d', 'd.id', 'n.department_id')
    .select(['n.id', 'n.name', 'n.reason', 'd.name as department_name'])
    .select((eb) =>
      eb
        .selectFrom('selection_votes as v')
        .select(eb.fn.countAll<number>().as('c'))
        .whereRef('v.nominee_id', '=', 'n.id')
        .as('votes'),
    )
    .where('n.selection_id', '=', row.id)
    .orderBy('n.name')
    .execute();
  const voter = actorId(ctx);
  const mine = voter
    ? await ctx.db
        .selectFrom('selection_votes')
        .select('nominee_id')
        .where('selection_id', '=', row.id)
        .where('voter_id', '=', voter)
        .executeTakeFirst()
    : undefined;
  // Tallies stay with the organisers until the result is published.
  const showVotes = row.status === 'published' || ctx.ability.can('update', subject('Selection', row));
  const ranked = [...nominees].sort(
    (a, b) => Number(b.votes) - Number(a.votes) || a.name.localeCompare(b.name),
  );
  const winners = new Set(row.status === 'published' ? ranked.slice(0, row.winners).map((n) => n.id) : []);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    campaignId: row.campaign_id,
    title: row.title,
    category: row.category,
    status: row.status,
    winners: row.winners,
    nominees: nominees.map((n) => ({
      id: n.id,
      name: n.name,
      departmentName: n.department_name,
      reason: n.reason,
      votes: showVotes ? Number(n.votes) : null,
      won: winners.has(n.id),
    })),
    votesCast: nominees.reduce((s, n) => s + Number(n.votes), 0),
    myVote: mine?.nominee_id ?? null,
    evidenceId: row.evidence_id,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
  };
}

export async function get(ctx: AuthedContext, id: string) {
  return toSelection(ctx, await readable(ctx, id));
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListSelections>) {
  let q = ctx.db
    .selectFrom('selections as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .selectAll('s')
    .select('u.name as unit_name')
    .where(accessibleWhere(ctx.ability, 'read', 'Selection', 's'));
  if (input.unitId) q = q.where('s.unit_id', '=', input.unitId);
  const rows = await q.orderBy('s.created_at', 'desc').limit(100).execute();
  return { items: await Promise.all(rows.map((r) => toSelection(ctx, r))) };
}

export async function create(ctx: AuthedContext, input: z.output<typeof ZCreateSelection>) {
  const unit = await units.findUnit(ctx.db, input.unitId);
  if (!unit || !ctx.ability.can('read', subject('Unit', unit)))
    throw new AppError('NOT_FOUND', { message: 'unit not found' });
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'create',
    subject('Selection', { office_id: unit.office_id, unit_id: unit.id }),
  );
  const row = await ctx.db
    .insertInto('selections')
    .values({
      office_id: unit.office_id,
      unit_id: unit.id,
      campaign_id: input.campaignId ?? null,
      title: input.title,
      category: input.category,
      winners: input.winners,
      created_by: actorId(ctx),
      created_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return get(ctx, row.id);
}

export async function nominate(ctx: AuthedContext, input: z.output<typeof ZNominate>) {
  const row = await readable(ctx, input.selectionId);
  ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Selection', row));
  if (row.status !== 'nominating')
    throw new AppError('CONFLICT', { message: 'nominations are closed', params: { status: row.status } });
  if (
    input.departmentId &&
    !(await units.listDepartments(ctx.db, row.unit_id)).some((d) => d.id === input.departmentId)
  ) {
    throw new AppError('DEPARTMENT_NOT_IN_UNIT', {
      message: 'the department does not belong to this unit',
      fields: { departmentId: 'not in this unit' },
    });
  }
  await ctx.db
    .insertInto('selection_nominees')
    .values({
      selection_id: row.id,
      office_id: row.office_id,
      name: input.name,
      department_id: input.departmentId ?? null,
      reason: input.reason,
    })
    .execute();
  return get(ctx, row.id);
}

export async function startVoting(ctx: AuthedContext, id: string) {
  const row = await readable(ctx, id);
  ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Selection', row));
  const nominees = await ctx.db
    .selectFrom('selection_nominees')
    .select('id')
    .where('selection_id', '=', id)
    .execute();
  if (row.status !== 'nominating' || nominees.length < 1)
    throw new AppError('CONFLICT', { message: 'voting needs nominees and an open nomination' });
  await ctx.db.updateTable('selections').set({ status: 'voting' }).where('id', '=', id).execute();
  return get(ctx, id);
}

/** One vote per member of the unit: the key (selection, voter) refuses a second one. */
export async function vote(ctx: AuthedContext, input: z.output<typeof ZVote>) {
  const row = await readable(ctx, input.selectionId);
  const eligible = ctx.user.grants.some((g) => g.unitId === row.unit_id);
  if (!eligible) throw new AppError('FORBIDDEN', { message: 'only staff of the unit vote' });
  if (row.status !== 'voting')
    throw new AppError('CONFLICT', { message: 'voting is not open', params: { status: row.status } });
  const nominee = await ctx.db
    .selectFrom('selection_nominees')
    .select('id')
    .where('id', '=', input.nomineeId)
    .where('selection_id', '=', row.id)
    .executeTakeFirst();
  if (!nominee)
    throw new AppError('BAD_REQUEST', {
      message: 'not a nominee of this selection',
      fields: { nomineeId: 'unknown' },
    });
  const cast = await ctx.db
    .insertInto('selection_votes')
    .values({
      selection_id: row.id,
      voter_id: ctx.user.id,
      nominee_id: nominee.id,
      office_id: row.office_id,
      at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.columns(['selection_id', 'voter_id']).doNothing())
    .returning('nominee_id')
    .executeTakeFirst();
  if (!cast) throw new AppError('CONFLICT', { message: 'you have already voted' });
  return get(ctx, row.id);
}

/** Publishes the result and files it in the unit's ledger as an evaluation record. */
export async function publish(ctx: AuthedContext, id: string) {
  await withTx(ctx.db, async (trx) => {
    const scoped = { ...ctx, db: trx };
    const row = await readable(scoped, id, true);
    ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Selection', row));
    if (row.status !== 'voting')
      throw new AppError('CONFLICT', { message: 'only a selection being voted on can be published' });
    const now = ctx.clock.now();
    await trx
      .updateTable('selections')
      .set({ status: 'published', published_at: now })
      .where('id', '=', id)
      .execute();
    const result = await toSelection(scoped, { ...row, status: 'published', published_at: now });
    const campaign = await trx
      .selectFrom('campaigns')
      .select('id')
      .where('unit_id', '=', row.unit_id)
      .where('phase', 'not in', ['decided', 'withdrawn'])
      .executeTakeFirst();
    if (campaign) {
      const winners = result.nominees
        .filter((n) => n.won)
        .map((n) => `${n.name}${n.departmentName ? `（${n.departmentName}）` : ''}`);
      const filed = await evidence.create(scoped, {
        campaignId: campaign.id,
        kind: 'evaluation_record',
        // "2027年度文明职工评选" already says 评选: do not repeat it.
        title: row.title.endsWith('评选') ? `${row.title}结果` : `${row.title}评选结果`,
        description: `${CATEGORY_ZH[row.category]}评选，共 ${result.votesCast} 票。当选：${winners.join('、')}。\n${result.nominees.map((n) => `${n.name} ${n.votes} 票`).join('；')}`,
        eventDate: todayInChina(now),
        departmentId: null,
        keeper: null,
        participants: result.votesCast,
        place: null,
        indicators: [],
        taskIds: [],
        attachments: [],
      });
      await trx.updateTable('selections').set({ evidence_id: filed.id }).where('id', '=', id).execute();
    }
    await recordAudit(trx, ctx, {
      entity: 'selection',
      entityId: id,
      action: 'publish',
      officeId: row.office_id,
      unitId: row.unit_id,
      after: { votes: result.votesCast },
    });
  });
  return get(ctx, id);
}
