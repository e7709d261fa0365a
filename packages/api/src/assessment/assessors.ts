import { AppError } from '@wenming/core';
import { withTx } from '@wenming/db';
import type { ZAssignAssessors, ZUnassignAssessor } from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import { officeAncestry } from '../framework/repository';
import { ASSESSED_PHASES, assessable, begin, reviewing, tenant } from './scoring';

/** Assessors are office inspectors (or admins) of an office at or above the campaign's. */
export async function assign(ctx: AuthedContext, input: z.output<typeof ZAssignAssessors>) {
  const row = await assessable(ctx, input.campaignId);
  reviewing(ctx, row);
  await withTx(ctx.db, async (trx) => {
    await begin(trx, ctx, row, ASSESSED_PHASES);
    const offices = await officeAncestry(trx, row.office_id);
    const userIds = input.assessors.map((a) => a.userId);
    const eligible = await trx
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select('r.user_id')
      .where('r.user_id', 'in', userIds)
      .where('r.role', 'in', ['office_inspector', 'office_admin'])
      .where('r.office_id', 'in', offices)
      .where('u.active', '=', true)
      .execute();
    const ok = new Set(eligible.map((e) => e.user_id));
    const refused = userIds.filter((id) => !ok.has(id));
    if (refused.length > 0) {
      throw new AppError('NOT_AN_ASSESSOR', {
        message: 'assessors must be active inspectors or admins of an office responsible for this unit',
        params: { userIds: refused },
        fields: { assessors: 'not an inspector of this office' },
      });
    }
    const categories = new Set(
      (
        await trx
          .selectFrom('framework_categories')
          .select('id')
          .where('framework_id', '=', row.framework_id)
          .execute()
      ).map((c) => c.id),
    );
    for (const a of input.assessors) {
      if (a.categoryIds.some((c) => !categories.has(c))) {
        throw new AppError('BAD_REQUEST', {
          message: "categories must come from the campaign's framework",
          fields: { categoryIds: 'not in this framework' },
        });
      }
      await trx
        .insertInto('assessment_assessors')
        .values({
          campaign_id: row.id,
          user_id: a.userId,
          ...tenant(row),
          category_ids: a.categoryIds,
          assigned_by: actorId(ctx),
          assigned_at: ctx.clock.now(),
        })
        .onConflict((oc) =>
          oc
            .columns(['campaign_id', 'user_id'])
            .doUpdateSet({ category_ids: a.categoryIds })
            .where('assessment_assessors.submitted_at', 'is', null),
        )
        .execute();
    }
    await recordAudit(trx, ctx, {
      entity: 'assessment',
      entityId: row.id,
      action: 'assign',
      officeId: row.office_id,
      unitId: row.unit_id,
      after: { assessors: input.assessors },
    });
  });
}

/**
 * Takes an assessor off the campaign with their unsubmitted draft scores. Once they have
 * submitted, their scores are part of the result and they stay.
 */
export async function unassign(ctx: AuthedContext, input: z.output<typeof ZUnassignAssessor>) {
  const row = await assessable(ctx, input.campaignId);
  reviewing(ctx, row);
  await withTx(ctx.db, async (trx) => {
    await begin(trx, ctx, row, ASSESSED_PHASES);
    const assessor = await trx
      .selectFrom('assessment_assessors as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.user_id', 'a.category_ids', 'a.submitted_at', 'u.display_name'])
      .where('a.campaign_id', '=', row.id)
      .where('a.user_id', '=', input.userId)
      .executeTakeFirst();
    if (!assessor) {
      throw new AppError('NOT_FOUND', {
        message: 'this user is not an assessor of the campaign',
        params: { entity: 'assessor' },
      });
    }
    if (assessor.submitted_at) {
      throw new AppError('ASSESSOR_SUBMITTED', {
        message: 'this assessor has submitted their scores; they count and the assessor stays',
        params: { name: assessor.display_name },
      });
    }
    await trx
      .deleteFrom('assessment_scores')
      .where('campaign_id', '=', row.id)
      .where('scorer_id', '=', input.userId)
      .execute();
    await trx
      .deleteFrom('assessment_assessors')
      .where('campaign_id', '=', row.id)
      .where('user_id', '=', input.userId)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'assessment',
      entityId: row.id,
      action: 'unassign',
      officeId: row.office_id,
      unitId: row.unit_id,
      before: { userId: input.userId, categoryIds: assessor.category_ids },
    });
  });
}
