import { ForbiddenError, subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError, todayInChina } from '@wenming/core';
import { withTx } from '@wenming/db';
import {
  checkRectification,
  isOverdue,
  timeliness,
  type ZAnswerRectification,
  type ZIssueRectification,
  type ZListRectifications,
  type ZVerifyRectification,
} from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import { messages } from '../notification/messages';
import { notify } from '../notification/notify';
import * as units from '../unit/repository';

const base = (ctx: AuthedContext) =>
  ctx.db
    .selectFrom('rectifications as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select('u.name as unit_name');

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirst']>>>;

function toOrder(ctx: AuthedContext, r: Row) {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    departmentId: r.department_id,
    findingId: r.finding_id,
    title: r.title,
    requirement: r.requirement,
    deadline: r.deadline,
    status: r.status,
    overdue: isOverdue(r.status, r.deadline, todayInChina(ctx.clock.now())),
    plan: r.plan,
    evidenceIds: r.evidence_ids,
    issuedAt: r.issued_at.toISOString(),
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    version: r.version,
  };
}

async function readable(ctx: AuthedContext, id: string) {
  const row = await base(ctx).where('r.id', '=', id).executeTakeFirst();
  if (!row || !ctx.ability.can('read', subject('Rectification', row)))
    throw new AppError('NOT_FOUND', { message: 'rectification order not found' });
  return row;
}

export async function get(ctx: AuthedContext, id: string) {
  const row = await readable(ctx, id);
  const events = await ctx.db
    .selectFrom('rectification_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.action', 'e.comment', 'e.at', 'u.display_name'])
    .where('e.rectification_id', '=', id)
    .orderBy('e.id')
    .execute();
  return {
    ...toOrder(ctx, row),
    events: events.map((e) => ({
      action: e.action,
      actorName: e.display_name,
      comment: e.comment,
      at: e.at.toISOString(),
    })),
  };
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListRectifications>) {
  let q = base(ctx).where(accessibleWhere(ctx.ability, 'read', 'Rectification', 'r'));
  if (input.unitId) q = q.where('r.unit_id', '=', input.unitId);
  if (input.status) q = q.where('r.status', '=', input.status);
  const today = todayInChina(ctx.clock.now());
  if (input.overdue) q = q.where('r.status', '<>', 'closed').where('r.deadline', '<', today);
  const rows = await q.orderBy('r.deadline').orderBy('r.id').limit(500).execute();
  return { items: rows.map((r) => toOrder(ctx, r)) };
}

/** A finding (or the office directly) orders a unit to rectify, with a deadline. */
export async function issue(ctx: AuthedContext, input: z.output<typeof ZIssueRectification>) {
  const unit = await units.findUnit(ctx.db, input.unitId);
  if (!unit || !ctx.ability.can('read', subject('Unit', unit)))
    throw new AppError('NOT_FOUND', { message: 'unit not found' });
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'create',
    subject('Rectification', { office_id: unit.office_id, unit_id: unit.id }),
  );
  if (input.findingId) {
    const finding = await ctx.db
      .selectFrom('findings as f')
      .innerJoin('inspection_targets as t', (j) =>
        j.onRef('t.inspection_id', '=', 'f.inspection_id').onRef('t.unit_id', '=', 'f.unit_id'),
      )
      .select(['f.unit_id', 't.visible_to_unit'])
      .where('f.id', '=', input.findingId)
      .executeTakeFirst();
    if (!finding || finding.unit_id !== unit.id)
      throw new AppError('BAD_REQUEST', {
        message: 'the finding is not about this unit',
        fields: { findingId: 'other unit' },
      });
    // An order would tell the unit of an unannounced inspection before it is completed.
    if (!finding.visible_to_unit)
      throw new AppError('INSPECTION_NOT_VISIBLE', {
        message: 'complete the unannounced inspection before ordering its rectification',
        fields: { findingId: 'inspection not completed' },
      });
  }
  if (
    input.departmentId &&
    !(await units.listDepartments(ctx.db, unit.id)).some((d) => d.id === input.departmentId)
  ) {
    throw new AppError('DEPARTMENT_NOT_IN_UNIT', {
      message: 'the department does not belong to this unit',
      fields: { departmentId: 'not in this unit' },
    });
  }
  const id = await withTx(ctx.db, async (trx) => {
    const now = ctx.clock.now();
    const row = await trx
      .insertInto('rectifications')
      .values({
        office_id: unit.office_id,
        unit_id: unit.id,
        department_id: input.departmentId ?? null,
        finding_id: input.findingId ?? null,
        title: input.title,
        requirement: input.requirement,
        deadline: input.deadline,
        issued_by: actorId(ctx),
        issued_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('rectification_events')
      .values({
        rectification_id: row.id,
        office_id: unit.office_id,
        unit_id: unit.id,
        action: 'issued',
        actor_id: actorId(ctx),
        comment: input.requirement,
        at: now,
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'rectification',
      entityId: row.id,
      action: 'issue',
      officeId: unit.office_id,
      unitId: unit.id,
      after: { deadline: input.deadline },
    });
    await notify(trx, {
      unitId: unit.id,
      kind: 'rectification_issued',
      message: messages.rectificationIssued(input.title, input.deadline),
      link: `/portal/rectifications/${row.id}`,
      at: now,
    });
    return row.id;
  });
  return get(ctx, id);
}

async function move(
  ctx: AuthedContext,
  id: string,
  version: number,
  action: 'answer' | 'close' | 'return',
  change: { plan?: string; evidence_ids?: string[] },
  comment: string | null,
) {
  await withTx(ctx.db, async (trx) => {
    const row = await readable({ ...ctx, db: trx }, id);
    const side = action === 'answer' ? 'unit' : 'office';
    ForbiddenError.from(ctx.ability).throwUnlessCan(
      side === 'unit' ? 'advance' : 'review',
      subject('Rectification', row),
    );
    const check = checkRectification(row.status, action, side);
    if (!check.ok) {
      throw new AppError('CONFLICT', {
        message: `the order is ${row.status}; it cannot be ${action === 'answer' ? 'answered' : action === 'close' ? 'closed' : 'returned'} now`,
        params: { status: row.status },
      });
    }
    const now = ctx.clock.now();
    const updated = await trx
      .updateTable('rectifications')
      .set({
        ...change,
        status: check.to,
        closed_at: check.to === 'closed' ? now : null,
        version: row.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    if (!updated)
      throw new AppError('STALE_VERSION', { message: 'the order was changed meanwhile; reload it' });
    await trx
      .insertInto('rectification_events')
      .values({
        rectification_id: id,
        office_id: row.office_id,
        unit_id: row.unit_id,
        action: action === 'answer' ? 'answered' : action === 'close' ? 'closed' : 'returned',
        actor_id: actorId(ctx),
        comment,
        at: now,
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'rectification',
      entityId: id,
      action,
      officeId: row.office_id,
      unitId: row.unit_id,
      after: { status: check.to },
    });
    // The other side learns it is their turn: the issuer when answered, the unit when returned.
    if (action !== 'close')
      await notify(trx, {
        ...(action === 'answer'
          ? { userIds: row.issued_by ? [row.issued_by] : [] }
          : { unitId: row.unit_id }),
        kind: action === 'answer' ? 'rectification_answered' : 'rectification_returned',
        message: (action === 'answer' ? messages.rectificationAnswered : messages.rectificationReturned)(
          row.title,
          comment ?? '',
        ),
        link: action === 'answer' ? `/console/rectifications/${id}` : `/portal/rectifications/${id}`,
        at: now,
      });
  });
  return get(ctx, id);
}

export async function answer(ctx: AuthedContext, input: z.output<typeof ZAnswerRectification>) {
  if (input.evidenceIds.length) {
    const found = await ctx.db
      .selectFrom('evidence_items')
      .select(['id', 'office_id', 'unit_id'])
      .where('id', 'in', input.evidenceIds)
      .execute();
    if (
      found.length !== new Set(input.evidenceIds).size ||
      found.some((e) => !ctx.ability.can('read', subject('Evidence', e)))
    ) {
      throw new AppError('BAD_REQUEST', {
        message: 'an evidence item was not found',
        fields: { evidenceIds: 'unknown' },
      });
    }
  }
  return move(
    ctx,
    input.id,
    input.version,
    'answer',
    { plan: input.plan, evidence_ids: input.evidenceIds },
    input.plan,
  );
}

export async function verify(ctx: AuthedContext, input: z.output<typeof ZVerifyRectification>) {
  if (input.decision === 'return' && !input.comment.trim()) {
    throw new AppError('COMMENT_REQUIRED', {
      message: 'say what is still missing',
      fields: { comment: 'required' },
    });
  }
  return move(ctx, input.id, input.version, input.decision, {}, input.comment || null);
}

/** Per unit in scope: share closed by the deadline, median days to close, open overdue orders. */
export async function unitTimeliness(ctx: AuthedContext) {
  const rows = await base(ctx)
    .where(accessibleWhere(ctx.ability, 'read', 'Rectification', 'r'))
    .execute();
  const today = todayInChina(ctx.clock.now());
  const byUnit = new Map<string, Row[]>();
  for (const r of rows) byUnit.set(r.unit_id, [...(byUnit.get(r.unit_id) ?? []), r]);
  return {
    items: [...byUnit.values()].map((orders) => ({
      unitId: orders[0]!.unit_id,
      unitName: orders[0]!.unit_name,
      ...timeliness(
        orders.map((o) => ({
          issuedOn: todayInChina(o.issued_at),
          closedOn: o.closed_at ? todayInChina(o.closed_at) : null,
          deadline: o.deadline,
        })),
      ),
      overdue: orders.filter((o) => isOverdue(o.status, o.deadline, today)).length,
    })),
  };
}
