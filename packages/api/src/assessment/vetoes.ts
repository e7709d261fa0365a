import { ForbiddenError, subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { withTx } from '@wenming/db';
import type {
  ZAssessmentSettingsInput,
  ZClearVeto,
  ZConfigureAssessment,
  ZConfirmVeto,
} from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import { settingsFor } from './core';
import { assessable, tenant } from './scoring';

/** The framework's veto list: its `vetoItems`, and indicators marked as veto. */
export async function vetoItemsOf(db: AuthedContext['db'], frameworkId: string) {
  const f = await db
    .selectFrom('frameworks')
    .select('content')
    .where('id', '=', frameworkId)
    .executeTakeFirstOrThrow();
  const items = (
    (f.content as { vetoItems?: { code: string; zh: string; en: string }[] }).vetoItems ?? []
  ).map((v) => ({
    code: v.code,
    name: { zh: v.zh, en: v.en },
  }));
  const indicators = await db
    .selectFrom('framework_indicators')
    .select(['code', 'name_zh', 'name_en'])
    .where('framework_id', '=', frameworkId)
    .where('veto', '=', true)
    .orderBy('position')
    .execute();
  return [...items, ...indicators.map((i) => ({ code: i.code, name: { zh: i.name_zh, en: i.name_en } }))];
}

/** A confirmed veto (一票否决) fails the campaign whatever its score. */
export async function confirmVeto(ctx: AuthedContext, input: z.output<typeof ZConfirmVeto>) {
  const row = await assessable(ctx, input.campaignId);
  ForbiddenError.from(ctx.ability).throwUnlessCan('review', subject('Assessment', tenant(row)));
  const items = await vetoItemsOf(ctx.db, row.framework_id);
  if (!items.some((i) => i.code === input.vetoCode)) {
    throw new AppError('VETO_NOT_IN_FRAMEWORK', {
      message: `veto item ${input.vetoCode} is not in the framework's list`,
      fields: { vetoCode: 'not in this framework' },
    });
  }
  if (row.phase === 'decided' || row.phase === 'withdrawn') {
    throw new AppError('NOT_UNDER_ASSESSMENT', {
      message: `the campaign is ${row.phase}`,
      params: { phase: row.phase },
    });
  }
  return withTx(ctx.db, async (trx) => {
    await trx
      .insertInto('assessments')
      .values({ campaign_id: row.id, ...tenant(row), created_at: ctx.clock.now() })
      .onConflict((oc) => oc.column('campaign_id').doNothing())
      .execute();
    const veto = await trx
      .insertInto('assessment_vetoes')
      .values({
        campaign_id: row.id,
        ...tenant(row),
        veto_code: input.vetoCode,
        source: input.source,
        source_detail: input.sourceDetail,
        evidence_ids: input.evidenceIds,
        confirmed_by: actorId(ctx),
        confirmed_at: ctx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'assessment',
      entityId: row.id,
      action: 'confirm_veto',
      officeId: row.office_id,
      unitId: row.unit_id,
      after: { vetoCode: input.vetoCode, source: input.source },
    });
    return veto.id;
  });
}

/** A veto confirmed in error is cleared with a reason; the record stays. */
export async function clearVeto(ctx: AuthedContext, input: z.output<typeof ZClearVeto>) {
  const veto = await ctx.db
    .selectFrom('assessment_vetoes')
    .selectAll()
    .where('id', '=', input.vetoId)
    .executeTakeFirst();
  if (!veto || !ctx.ability.can('read', subject('Assessment', tenant(veto)))) {
    throw new AppError('NOT_FOUND', { message: 'veto not found', params: { entity: 'veto' } });
  }
  ForbiddenError.from(ctx.ability).throwUnlessCan('review', subject('Assessment', tenant(veto)));
  await withTx(ctx.db, async (trx) => {
    const cleared = await trx
      .updateTable('assessment_vetoes')
      .set({ cleared_at: ctx.clock.now(), cleared_by: actorId(ctx), cleared_reason: input.reason })
      .where('id', '=', veto.id)
      .where('cleared_at', 'is', null)
      .executeTakeFirst();
    if (Number(cleared.numUpdatedRows) === 0)
      throw new AppError('CONFLICT', { message: 'the veto was already cleared' });
    await recordAudit(trx, ctx, {
      entity: 'assessment',
      entityId: veto.campaign_id,
      action: 'clear_veto',
      officeId: veto.office_id,
      unitId: veto.unit_id,
      after: { vetoCode: veto.veto_code, reason: input.reason },
    });
  });
  return veto.campaign_id;
}

function officeScope(ctx: AuthedContext, officeId: string, action: 'read' | 'review') {
  const target = subject('Assessment', { office_id: officeId });
  if (!ctx.ability.can('read', target)) {
    throw new AppError('NOT_FOUND', { message: 'office not found', params: { entity: 'office' } });
  }
  if (!ctx.ability.can(action, target)) {
    throw new AppError('FORBIDDEN', { message: 'only the office sets its assessment rules' });
  }
}

export async function settings(ctx: AuthedContext, input: z.output<typeof ZAssessmentSettingsInput>) {
  officeScope(ctx, input.officeId, 'read');
  const { decidingOfficeId: _, ...s } = await settingsFor(ctx.db, input.officeId, input.targetLevel, null);
  return s;
}

/** The pass mark per level where the framework has none, the quota, and how exemptions count. */
export async function configure(ctx: AuthedContext, input: z.output<typeof ZConfigureAssessment>) {
  officeScope(ctx, input.officeId, 'review');
  if (input.quotaCount !== null && input.quotaPercent !== null) {
    throw new AppError('BAD_REQUEST', {
      message: 'set a quota as a number of titles or as a percentage, not both',
      fields: { quotaPercent: 'choose one kind of quota' },
    });
  }
  await withTx(ctx.db, async (trx) => {
    const values = {
      pass_threshold: input.passThreshold,
      quota_count: input.quotaCount,
      quota_percent: input.quotaPercent,
      rescale_exempt: input.rescaleExempt,
      updated_by: actorId(ctx),
      updated_at: ctx.clock.now(),
    };
    // The write is the check: a first save inserts only if nobody inserted meanwhile, a later one
    // updates only the version it started from (a concurrent save waits on the row, then misses).
    const saved =
      input.version === 0
        ? await trx
            .insertInto('assessment_settings')
            .values({ office_id: input.officeId, target_level: input.targetLevel, ...values })
            .onConflict((oc) => oc.columns(['office_id', 'target_level']).doNothing())
            .returning('version')
            .executeTakeFirst()
        : await trx
            .updateTable('assessment_settings')
            .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
            .where('office_id', '=', input.officeId)
            .where('target_level', '=', input.targetLevel)
            .where('version', '=', input.version)
            .returning('version')
            .executeTakeFirst();
    if (!saved) {
      throw new AppError('STALE_VERSION', {
        message: 'the assessment settings were changed by someone else; reload and try again',
        params: { yours: input.version },
      });
    }
    await recordAudit(trx, ctx, {
      entity: 'assessment_settings',
      entityId: `${input.officeId}:${input.targetLevel}`,
      action: 'configure',
      officeId: input.officeId,
      after: values,
    });
  });
  return settings(ctx, input);
}
