import { ForbiddenError, subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError, todayInChina } from '@wenming/core';
import { withTx } from '@wenming/db';
import {
  noticeWindow,
  type ZListNotices,
  type ZListPublicNotices,
  type ZPublishNotice,
} from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId, type Context } from '../context';
import { messages } from '../notification/messages';
import { notify } from '../notification/notify';
import { olderThan, pageOf } from '../pagination';
import { objectionsOf } from './objections';
import { officeInScope, unitsUnder } from './scope';

const today = (ctx: Context) => todayInChina(ctx.clock.now());

/** A notice the caller may see: one of its subject units is in the caller's scope. */
async function readable(ctx: AuthedContext, id: string) {
  const row = await ctx.db
    .selectFrom('notices as n')
    .innerJoin('offices as o', 'o.id', 'n.office_id')
    .leftJoin('users as u', 'u.id', 'n.published_by')
    .selectAll('n')
    .select(['o.name as office_name', 'u.display_name as published_by_name'])
    .where('n.id', '=', id)
    .executeTakeFirst();
  const subjects = row
    ? await ctx.db
        .selectFrom('notice_subjects as s')
        .selectAll('s')
        .where('s.notice_id', '=', id)
        .orderBy('s.unit_name')
        .execute()
    : [];
  if (!row || !subjects.some((s) => ctx.ability.can('read', subject('Notice', { ...row, ...s }))))
    throw new AppError('NOT_FOUND', { message: 'notice not found', params: { entity: 'notice' } });
  return { row, subjects };
}

export async function get(ctx: AuthedContext, id: string) {
  const { row, subjects } = await readable(ctx, id);
  return {
    id: row.id,
    officeId: row.office_id,
    officeName: row.office_name,
    kind: row.kind,
    title: row.title,
    body: row.body,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    window: noticeWindow(row.starts_on, row.ends_on, today(ctx)),
    publishedAt: row.published_at.toISOString(),
    publishedByName: row.published_by_name,
    // The notice itself is public: whoever sees it sees all its units.
    subjects: subjects.map((s) => ({ unitId: s.unit_id, unitName: s.unit_name, campaignId: s.campaign_id })),
    objections: await objectionsOf(ctx, id),
  };
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListNotices>) {
  const t = today(ctx);
  let q = ctx.db
    .selectFrom('notices as n')
    .innerJoin('offices as o', 'o.id', 'n.office_id')
    .selectAll('n')
    .select((eb) => [
      'o.name as office_name',
      eb
        .selectFrom('notice_subjects as s')
        .select(sql<number>`count(*)::int`.as('c'))
        .whereRef('s.notice_id', '=', 'n.id')
        .as('subjects'),
      eb
        .selectFrom('objections as x')
        .select(sql<number>`count(*)::int`.as('c'))
        .whereRef('x.notice_id', '=', 'n.id')
        .where(accessibleWhere(ctx.ability, 'read', 'Objection', 'x'))
        .as('objections'),
      eb
        .selectFrom('objections as x')
        .select(sql<number>`count(*)::int`.as('c'))
        .whereRef('x.notice_id', '=', 'n.id')
        .where('x.status', '=', 'open')
        .where(accessibleWhere(ctx.ability, 'read', 'Objection', 'x'))
        .as('open_objections'),
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('notice_subjects as s')
          .select('s.unit_id')
          .whereRef('s.notice_id', '=', 'n.id')
          .where(accessibleWhere(ctx.ability, 'read', 'Notice', 's'))
          .$if(input.unitId !== undefined, (s) => s.where('s.unit_id', '=', input.unitId!)),
      ),
    );
  if (input.kind) q = q.where('n.kind', '=', input.kind);
  if (input.window === 'upcoming') q = q.where('n.starts_on', '>', t);
  if (input.window === 'open') q = q.where('n.starts_on', '<=', t).where('n.ends_on', '>=', t);
  if (input.window === 'closed') q = q.where('n.ends_on', '<', t);
  if (input.cursor) {
    q = q.where(olderThan(input.cursor, 'n.published_at', 'n.id'));
  }
  const rows = await q
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  return pageOf(
    rows,
    input.limit,
    (r) => ({
      id: r.id,
      officeId: r.office_id,
      officeName: r.office_name,
      kind: r.kind,
      title: r.title,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      window: noticeWindow(r.starts_on, r.ends_on, t),
      publishedAt: r.published_at.toISOString(),
      subjects: Number(r.subjects ?? 0),
      objections: Number(r.objections ?? 0),
      openObjections: Number(r.open_objections ?? 0),
    }),
    (r) => [r.published_at.toISOString(), r.id],
  );
}

export async function publish(ctx: AuthedContext, input: z.output<typeof ZPublishNotice>) {
  const office = await officeInScope(ctx, input.officeId);
  ForbiddenError.from(ctx.ability).throwUnlessCan('create', subject('Notice', { office_id: office.id }));
  const units = await unitsUnder(
    ctx,
    office.id,
    input.subjects.map((s) => s.unitId),
  );
  if (units.length !== input.subjects.length)
    throw new AppError('BAD_REQUEST', {
      message: 'a unit is named twice',
      fields: { subjects: 'named twice' },
    });
  const campaignIds = input.subjects.flatMap((s) => (s.campaignId ? [s.campaignId] : []));
  if (campaignIds.length) {
    const campaigns = await ctx.db
      .selectFrom('campaigns')
      .select(['id', 'unit_id'])
      .where('id', 'in', campaignIds)
      .execute();
    for (const [i, s] of input.subjects.entries()) {
      if (s.campaignId && campaigns.find((c) => c.id === s.campaignId)?.unit_id !== s.unitId)
        throw new AppError('BAD_REQUEST', {
          message: 'the campaign is not this unit’s',
          fields: { [`subjects.${i}.campaignId`]: 'not this unit’s campaign' },
        });
    }
  }
  const id = await withTx(ctx.db, async (trx) => {
    const now = ctx.clock.now();
    const row = await trx
      .insertInto('notices')
      .values({
        office_id: office.id,
        kind: input.kind,
        title: input.title,
        body: input.body,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        published_by: actorId(ctx),
        published_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('notice_subjects')
      .values(
        input.subjects.map((s) => ({
          notice_id: row.id,
          office_id: units.find((u) => u.id === s.unitId)!.office_id,
          unit_id: s.unitId,
          unit_name: units.find((u) => u.id === s.unitId)!.name,
          campaign_id: s.campaignId ?? null,
        })),
      )
      .execute();
    for (const unit of units) {
      await notify(trx, {
        unitId: unit.id,
        kind: 'notice',
        message: messages.notice(input.title, input.startsOn, input.endsOn),
        link: `/portal/notices/${row.id}`,
        at: now,
      });
    }
    await recordAudit(trx, ctx, {
      entity: 'notice',
      entityId: row.id,
      action: 'publish',
      officeId: office.id,
      after: { kind: input.kind, units: units.length, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return row.id;
  });
  return get(ctx, id);
}

/** For the public page: notices whose window is open today, with their units' names. */
export async function publicList(ctx: Context, input: z.output<typeof ZListPublicNotices>) {
  const t = today(ctx);
  let q = ctx.db
    .selectFrom('notices as n')
    .innerJoin('offices as o', 'o.id', 'n.office_id')
    .select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.starts_on', 'n.ends_on', 'o.name as office_name'])
    .where('n.starts_on', '<=', t)
    .where('n.ends_on', '>=', t);
  if (input.officeId) q = q.where('n.office_id', '=', input.officeId);
  const rows = await q.orderBy('n.ends_on').orderBy('n.id').limit(100).execute();
  const subjects = rows.length
    ? await ctx.db
        .selectFrom('notice_subjects as s')
        .select(['s.notice_id', 's.unit_id', 's.unit_name as name'])
        .where(
          's.notice_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('s.unit_name')
        .execute()
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      officeName: r.office_name,
      kind: r.kind,
      title: r.title,
      body: r.body,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      subjects: subjects
        .filter((s) => s.notice_id === r.id)
        .map((s) => ({ unitId: s.unit_id, unitName: s.name })),
    })),
  };
}
