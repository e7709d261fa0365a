import { ForbiddenError, subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError, todayInChina } from '@wenming/core';
import { withTx } from '@wenming/db';
import {
  noticeWindow,
  type ZAnswerObjection,
  type ZFileObjection,
  type ZListObjections,
} from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId, type Context } from '../context';
import { messages } from '../notification/messages';
import { notify } from '../notification/notify';
import { olderThan, pageOf } from '../pagination';
import { hit } from '../survey/rate-limit';

/** Generous for a person, tight for a script: objections are typed by hand. */
const OBJECTIONS_PER_IP_PER_HOUR = 10;

const base = (ctx: AuthedContext) =>
  ctx.db
    .selectFrom('objections as x')
    .innerJoin('notices as n', 'n.id', 'x.notice_id')
    .leftJoin('units as u', 'u.id', 'x.unit_id')
    .leftJoin('users as a', 'a.id', 'x.answered_by')
    .selectAll('x')
    .select(['n.title as notice_title', 'u.name as unit_name', 'a.display_name as answered_by_name'])
    .where(accessibleWhere(ctx.ability, 'read', 'Objection', 'x'));

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirst']>>>;

function toObjection(ctx: AuthedContext, r: Row) {
  return {
    id: r.id,
    noticeId: r.notice_id,
    noticeTitle: r.notice_title,
    unitId: r.unit_id,
    unitName: r.unit_name,
    body: r.body,
    // An objector's contact is personal data: analysts never see it.
    contact: ctx.ability.can('read', subject('Objection', r), 'contact') ? r.contact : null,
    status: r.status,
    answer: r.answer,
    answeredByName: r.answered_by_name,
    answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
    filedAt: r.filed_at.toISOString(),
  };
}

/** The objections to one notice the caller may read (office staff; nobody else). */
export async function objectionsOf(ctx: AuthedContext, noticeId: string) {
  const rows = await base(ctx).where('x.notice_id', '=', noticeId).orderBy('x.filed_at').execute();
  return rows.map((r) => {
    const { noticeTitle: _, ...objection } = toObjection(ctx, r);
    return objection;
  });
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListObjections>) {
  let q = base(ctx);
  if (input.noticeId) q = q.where('x.notice_id', '=', input.noticeId);
  if (input.status) q = q.where('x.status', '=', input.status);
  if (input.cursor) {
    q = q.where(olderThan(input.cursor, 'x.filed_at', 'x.id'));
  }
  const rows = await q
    .orderBy('x.filed_at', 'desc')
    .orderBy('x.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  return pageOf(
    rows,
    input.limit,
    (r) => toObjection(ctx, r),
    (r) => [r.filed_at.toISOString(), r.id],
  );
}

/**
 * Anyone may object — signed in or not — but only while the window is open (China's
 * calendar, both ends included). The office's admins learn of it in their inbox.
 */
export async function file(ctx: Context, input: z.output<typeof ZFileObjection>) {
  const now = ctx.clock.now();
  if (!(await hit(ctx.db, `objection:${ctx.request.ip}`, OBJECTIONS_PER_IP_PER_HOUR, 3600, now))) {
    throw new AppError('RATE_LIMITED', {
      message: 'too many objections from this address; try again later',
    });
  }
  const notice = await ctx.db
    .selectFrom('notices')
    .select(['id', 'office_id', 'title', 'starts_on', 'ends_on'])
    .where('id', '=', input.noticeId)
    .executeTakeFirst();
  if (!notice) throw new AppError('NOT_FOUND', { message: 'notice not found', params: { entity: 'notice' } });
  const window = noticeWindow(notice.starts_on, notice.ends_on, todayInChina(now));
  if (window !== 'open') {
    throw new AppError('NOTICE_WINDOW_CLOSED', {
      message:
        window === 'upcoming'
          ? `objections are accepted from ${notice.starts_on}`
          : `the notice period ended on ${notice.ends_on}; objections are no longer accepted`,
      params: { startsOn: notice.starts_on, endsOn: notice.ends_on, window },
    });
  }
  if (input.unitId) {
    const named = await ctx.db
      .selectFrom('notice_subjects')
      .select('unit_id')
      .where('notice_id', '=', notice.id)
      .where('unit_id', '=', input.unitId)
      .executeTakeFirst();
    if (!named)
      throw new AppError('BAD_REQUEST', {
        message: 'the unit is not named in this notice',
        fields: { unitId: 'not in this notice' },
      });
  }
  return withTx(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('objections')
      .values({
        notice_id: notice.id,
        office_id: notice.office_id,
        unit_id: input.unitId ?? null,
        body: input.body,
        contact: input.contact || null,
        filed_at: now,
      })
      .returning(['id', 'filed_at'])
      .executeTakeFirstOrThrow();
    await notify(trx, {
      officeId: notice.office_id,
      kind: 'objection',
      message: messages.objection(notice.title, input.body.slice(0, 200)),
      link: `/console/notices/${notice.id}`,
      at: now,
    });
    return { id: row.id, filedAt: row.filed_at.toISOString() };
  });
}

/** Upheld or dismissed, with the answer, once: answering twice is a CONFLICT. */
export async function answer(ctx: AuthedContext, input: z.output<typeof ZAnswerObjection>) {
  const row = await base(ctx).where('x.id', '=', input.id).executeTakeFirst();
  if (!row)
    throw new AppError('NOT_FOUND', { message: 'objection not found', params: { entity: 'objection' } });
  ForbiddenError.from(ctx.ability).throwUnlessCan('review', subject('Objection', row));
  await withTx(ctx.db, async (trx) => {
    const updated = await trx
      .updateTable('objections')
      .set({
        status: input.status,
        answer: input.answer,
        answered_by: actorId(ctx),
        answered_at: ctx.clock.now(),
      })
      .where('id', '=', row.id)
      .where('status', '=', 'open')
      .returning('id')
      .executeTakeFirst();
    if (!updated)
      throw new AppError('OBJECTION_ANSWERED', {
        message: 'this objection has already been answered',
        params: { status: row.status },
      });
    await recordAudit(trx, ctx, {
      entity: 'objection',
      entityId: row.id,
      action: 'answer',
      officeId: row.office_id,
      unitId: row.unit_id,
      after: { status: input.status },
    });
  });
  const answered = await base(ctx).where('x.id', '=', row.id).executeTakeFirstOrThrow();
  return toObjection(ctx, answered);
}
