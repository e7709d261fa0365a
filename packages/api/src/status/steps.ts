import { ForbiddenError, subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError, todayInChina } from '@wenming/core';
import { withTx } from '@wenming/db';
import {
  allowedManagementActions,
  levelAfter,
  type ManagementAction,
  type StatusAction,
  standingOf,
  type ZReexamine,
  type ZStatusStep,
  type ZYellowCard,
} from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import { messages } from '../notification/messages';
import { notify } from '../notification/notify';

type Step = z.output<typeof ZStatusStep> & {
  deadline?: string | undefined;
  inspectionId?: string | undefined;
};

/**
 * One step of dynamic management (动态管理) on the status register: appended, never
 * edited, with its reason and decision document; the unit's current level follows.
 */
export async function record(ctx: AuthedContext, action: ManagementAction, input: Step) {
  const unit = await ctx.db.selectFrom('units').selectAll().where('id', '=', input.unitId).executeTakeFirst();
  if (!unit || !ctx.ability.can('read', subject('Unit', unit))) {
    throw new AppError('NOT_FOUND', { message: 'unit not found', params: { entity: 'unit' } });
  }
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'create',
    subject('StatusRecord', { office_id: unit.office_id, unit_id: unit.id }),
  );
  const today = todayInChina(ctx.clock.now());
  if (input.decidedOn > today) {
    throw new AppError('BAD_REQUEST', {
      message: 'a decision cannot be dated in the future',
      fields: { decidedOn: 'not after today' },
    });
  }
  if (action === 'yellow_card' && (!input.deadline || input.deadline <= input.decidedOn)) {
    throw new AppError('BAD_REQUEST', {
      message: 'a yellow card needs a rectification deadline after its date',
      fields: { deadline: 'after the decision date' },
    });
  }
  if (input.inspectionId) await inspectionOfUnit(ctx, input.inspectionId, unit.id);
  await withTx(ctx.db, async (trx) => {
    const locked = (await trx
      .selectFrom('units')
      .selectAll()
      .where('id', '=', unit.id)
      .forUpdate()
      .executeTakeFirst())!;
    const last = await trx
      .selectFrom('status_records')
      .select('action')
      .where('unit_id', '=', unit.id)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const standing = standingOf(locked.status_level, (last?.action ?? null) as StatusAction | null, {
      endYear: locked.term_end_year,
      year: Number(today.slice(0, 4)),
    });
    const allowed = allowedManagementActions(standing);
    if (!allowed.includes(action)) {
      throw new AppError('STATUS_STEP_NOT_ALLOWED', {
        message: `a unit whose standing is ${standing} cannot get ${action}; allowed: ${allowed.join(', ') || 'none'}`,
        params: { standing, action, allowed: [...allowed] },
      });
    }
    const level = levelAfter(action, locked.status_level);
    const now = ctx.clock.now();
    await trx
      .insertInto('status_records')
      .values({
        office_id: locked.office_id,
        unit_id: locked.id,
        action,
        // The entry keeps the level the step was about; the unit's current level follows below.
        level: locked.status_level,
        term_start_year: locked.term_start_year,
        term_end_year: locked.term_end_year,
        decision_no: input.decisionNo,
        decided_on: input.decidedOn,
        reason: input.reason,
        deadline: action === 'yellow_card' ? (input.deadline ?? null) : null,
        inspection_id: input.inspectionId ?? null,
        recorded_by: actorId(ctx),
        recorded_at: now,
      })
      .execute();
    if (level !== locked.status_level) {
      await trx
        .updateTable('units')
        .set({
          status_level: level,
          term_start_year: null,
          term_end_year: null,
          decision_no: input.decisionNo,
          version: locked.version + 1,
          updated_at: now,
        })
        .where('id', '=', locked.id)
        .execute();
    }
    await recordAudit(trx, ctx, {
      entity: 'unit',
      entityId: locked.id,
      action: `status_${action}`,
      officeId: locked.office_id,
      unitId: locked.id,
      before: { level: locked.status_level, standing },
      after: {
        level,
        decisionNo: input.decisionNo,
        reason: input.reason,
        deadline: input.deadline,
        inspectionId: input.inspectionId,
      },
    });
    await notify(trx, {
      unitId: locked.id,
      kind: 'decision',
      message: messages.statusStep(action, input.decisionNo, input.reason),
      link: '/portal/status',
      dedupeKey: `status:${locked.id}:${action}:${input.decisionNo}`,
      at: now,
    });
  });
  return { unitId: unit.id };
}

/** The inspection a re-examination names must be one the caller sees, and must have visited the unit. */
async function inspectionOfUnit(ctx: AuthedContext, inspectionId: string, unitId: string) {
  const inspection = await ctx.db
    .selectFrom('inspections')
    .select('id')
    .where('id', '=', inspectionId)
    .where(accessibleWhere(ctx.ability, 'read', 'Inspection'))
    .executeTakeFirst();
  if (!inspection) {
    throw new AppError('NOT_FOUND', {
      message: 'inspection not found',
      params: { entity: 'inspection' },
      fields: { inspectionId: 'not found' },
    });
  }
  const target = await ctx.db
    .selectFrom('inspection_targets')
    .select('unit_id')
    .where('inspection_id', '=', inspectionId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (!target) {
    throw new AppError('INSPECTION_NOT_OF_UNIT', {
      message: 'the inspection did not visit this unit',
      fields: { inspectionId: 'did not visit this unit' },
    });
  }
}

export const yellowCard = (ctx: AuthedContext, input: z.output<typeof ZYellowCard>) =>
  record(ctx, 'yellow_card', input);
export const revoke = (ctx: AuthedContext, input: z.output<typeof ZStatusStep>) =>
  record(ctx, 'revocation', input);
export const restore = (ctx: AuthedContext, input: z.output<typeof ZStatusStep>) =>
  record(ctx, 'restore', input);
/** The annual re-examination (复查) ends in one of four steps. */
export const reexamine = (ctx: AuthedContext, input: z.output<typeof ZReexamine>) =>
  record(ctx, input.outcome, input);
