import { ForbiddenError, subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { type Tx, withTx } from '@wenming/db';
import {
  indicatorPoints,
  type ZAssessorScore,
  type ZModerate,
  type ZSelfScore,
  type ZSetExemption,
} from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { readable } from '../campaign/service';
import { type AuthedContext, actorId } from '../context';

type CampaignRow = Awaited<ReturnType<typeof readable>>;

/** The campaign behind an assessment, readable by the caller as an assessment (else FORBIDDEN). */
export async function assessable(ctx: AuthedContext, campaignId: string): Promise<CampaignRow> {
  const row = await readable(ctx, campaignId);
  ForbiddenError.from(ctx.ability).throwUnlessCan('read', subject('Assessment', tenant(row)));
  return row;
}

export const tenant = (row: { office_id: string; unit_id: string }) => ({
  office_id: row.office_id,
  unit_id: row.unit_id,
});

export const ASSESSED_PHASES = ['submitted', 'under_assessment'];

/** Locks the campaign (every assessment write serialises on it) and makes sure its assessment row exists. */
export async function begin(trx: Tx, ctx: AuthedContext, row: CampaignRow, phases: readonly string[]) {
  const locked = (await trx
    .selectFrom('campaigns')
    .select('phase')
    .where('id', '=', row.id)
    .forUpdate()
    .executeTakeFirst())!;
  if (!phases.includes(locked.phase)) {
    throw new AppError('NOT_UNDER_ASSESSMENT', {
      message: `the campaign is ${locked.phase}; this step needs it ${phases.join(' or ')}`,
      params: { phase: locked.phase },
    });
  }
  await trx
    .insertInto('assessments')
    .values({ campaign_id: row.id, ...tenant(row), created_at: ctx.clock.now() })
    .onConflict((oc) => oc.column('campaign_id').doNothing())
    .execute();
  return trx
    .selectFrom('assessments')
    .selectAll()
    .where('campaign_id', '=', row.id)
    .executeTakeFirstOrThrow();
}

async function indicatorOf(trx: Tx, row: CampaignRow, indicatorId: string) {
  const indicator = await trx
    .selectFrom('framework_indicators')
    .select(['id', 'code', 'points', 'category_id'])
    .where('id', '=', indicatorId)
    .where('framework_id', '=', row.framework_id)
    .executeTakeFirst();
  if (!indicator) {
    throw new AppError('INDICATOR_NOT_IN_FRAMEWORK', {
      message: "the indicator is not in the campaign's framework",
      fields: { indicatorId: 'not in this framework' },
    });
  }
  return indicator;
}

const gradeOf = (entry: z.output<typeof ZSelfScore>['entry']) => ('grade' in entry ? entry.grade : null);

export async function selfScore(ctx: AuthedContext, input: z.output<typeof ZSelfScore>) {
  const row = await assessable(ctx, input.campaignId);
  ForbiddenError.from(ctx.ability).throwUnlessCan('advance', subject('Assessment', tenant(row)));
  await withTx(ctx.db, async (trx) => {
    const assessment = await begin(trx, ctx, row, ASSESSED_PHASES);
    if (assessment.self_submitted_at) {
      throw new AppError('SELF_ASSESSMENT_SUBMITTED', {
        message: 'the self-assessment was submitted; it no longer changes',
      });
    }
    const indicator = await indicatorOf(trx, row, input.indicatorId);
    if (input.evidenceIds.length > 0) {
      const found = await trx
        .selectFrom('evidence_items')
        .select('id')
        .where('id', 'in', input.evidenceIds)
        .where('campaign_id', '=', row.id)
        .execute();
      if (found.length !== new Set(input.evidenceIds).size) {
        throw new AppError('EVIDENCE_NOT_IN_CAMPAIGN', {
          message: "linked evidence must come from this campaign's ledger",
          fields: { evidenceIds: 'not in this ledger' },
        });
      }
    }
    const values = {
      points: indicatorPoints(input.entry, indicator.points),
      grade: gradeOf(input.entry),
      note: input.explanation,
      evidence_ids: [...new Set(input.evidenceIds)],
      entered_by: actorId(ctx),
      updated_at: ctx.clock.now(),
    };
    await trx
      .deleteFrom('assessment_scores')
      .where('campaign_id', '=', row.id)
      .where('indicator_id', '=', indicator.id)
      .where('scorer_id', 'is', null)
      .execute();
    await trx
      .insertInto('assessment_scores')
      .values({ campaign_id: row.id, indicator_id: indicator.id, ...tenant(row), scorer_id: null, ...values })
      .execute();
  });
}

export async function score(ctx: AuthedContext, input: z.output<typeof ZAssessorScore>) {
  const row = await assessable(ctx, input.campaignId);
  if (!(await assignmentOf(ctx.db, row.id, actorId(ctx)))) {
    throw new AppError('FORBIDDEN', { message: 'only the assessors assigned to this campaign score it' });
  }
  await withTx(ctx.db, async (trx) => {
    await begin(trx, ctx, row, ['under_assessment']);
    const me = (await assignmentOf(trx, row.id, actorId(ctx)))!;
    if (me.submitted_at)
      throw new AppError('SCORES_SUBMITTED', { message: 'you submitted your scores; they no longer change' });
    const indicator = await indicatorOf(trx, row, input.indicatorId);
    if (me.category_ids.length > 0 && !me.category_ids.includes(indicator.category_id)) {
      throw new AppError('FORBIDDEN', {
        message: 'this indicator is outside the categories you were assigned',
      });
    }
    await trx
      .deleteFrom('assessment_scores')
      .where('campaign_id', '=', row.id)
      .where('indicator_id', '=', indicator.id)
      .where('scorer_id', '=', ctx.user.id)
      .execute();
    await trx
      .insertInto('assessment_scores')
      .values({
        campaign_id: row.id,
        indicator_id: indicator.id,
        ...tenant(row),
        scorer_id: ctx.user.id,
        points: indicatorPoints(input.entry, indicator.points),
        grade: gradeOf(input.entry),
        note: input.comment,
        entered_by: ctx.user.id,
        updated_at: ctx.clock.now(),
      })
      .execute();
  });
}

/** The caller's assignment as assessor; the operator at the command line is never one. */
export async function assignmentOf(db: Tx | AuthedContext['db'], campaignId: string, userId: string | null) {
  if (userId === null) return undefined;
  return db
    .selectFrom('assessment_assessors')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The non-exempt indicators (of the given categories, if any) that still have no score from `scorerId`. */
async function missingScores(trx: Tx, row: CampaignRow, scorerId: string | null, categoryIds: string[]) {
  let q = trx
    .selectFrom('framework_indicators as i')
    .select('i.code')
    .where('i.framework_id', '=', row.framework_id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('assessment_exemptions as x')
            .select('x.indicator_id')
            .whereRef('x.indicator_id', '=', 'i.id')
            .where('x.campaign_id', '=', row.id),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('assessment_scores as s')
            .select('s.id')
            .whereRef('s.indicator_id', '=', 'i.id')
            .where('s.campaign_id', '=', row.id)
            .where('s.scorer_id', scorerId === null ? 'is' : '=', scorerId),
        ),
      ),
    );
  if (categoryIds.length > 0) q = q.where('i.category_id', 'in', categoryIds);
  return (await q.orderBy('i.position').execute()).map((r) => r.code);
}

function incomplete(missing: string[]) {
  return new AppError('ASSESSMENT_INCOMPLETE', {
    message: `score every indicator first; missing: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}`,
    params: { missing, count: missing.length },
  });
}

/** An assessor submits their scores; the unit's campaign office submits its self-assessment. */
export async function submit(ctx: AuthedContext, campaignId: string) {
  const row = await assessable(ctx, campaignId);
  await withTx(ctx.db, async (trx) => {
    const me = await assignmentOf(trx, row.id, actorId(ctx));
    const now = ctx.clock.now();
    if (me) {
      await begin(trx, ctx, row, ['under_assessment']);
      if (me.submitted_at)
        throw new AppError('SCORES_SUBMITTED', { message: 'you already submitted your scores' });
      const missing = await missingScores(trx, row, ctx.user.id, me.category_ids);
      if (missing.length > 0) throw incomplete(missing);
      await trx
        .updateTable('assessment_assessors')
        .set({ submitted_at: now })
        .where('campaign_id', '=', row.id)
        .where('user_id', '=', ctx.user.id)
        .execute();
    } else {
      ForbiddenError.from(ctx.ability).throwUnlessCan('advance', subject('Assessment', tenant(row)));
      const assessment = await begin(trx, ctx, row, ASSESSED_PHASES);
      if (assessment.self_submitted_at)
        throw new AppError('SELF_ASSESSMENT_SUBMITTED', { message: 'already submitted' });
      const missing = await missingScores(trx, row, null, []);
      if (missing.length > 0) throw incomplete(missing);
      await trx
        .updateTable('assessments')
        .set({ self_submitted_at: now, version: assessment.version + 1 })
        .where('campaign_id', '=', row.id)
        .execute();
    }
    await recordAudit(trx, ctx, {
      entity: 'assessment',
      entityId: row.id,
      action: me ? 'submit_scores' : 'submit_self_assessment',
      officeId: row.office_id,
      unitId: row.unit_id,
    });
  });
}

export function reviewing(ctx: AuthedContext, row: CampaignRow) {
  ForbiddenError.from(ctx.ability).throwUnlessCan('review', subject('Assessment', tenant(row)));
}

export async function moderate(ctx: AuthedContext, input: z.output<typeof ZModerate>) {
  const row = await assessable(ctx, input.campaignId);
  reviewing(ctx, row);
  await withTx(ctx.db, async (trx) => {
    await begin(trx, ctx, row, ['under_assessment']);
    const indicator = await indicatorOf(trx, row, input.indicatorId);
    if (input.points !== null && input.points > indicator.points) {
      throw new AppError('POINTS_ABOVE_MAXIMUM', {
        message: `at most ${indicator.points} points for ${indicator.code}`,
        params: { max: indicator.points },
        fields: { points: `at most ${indicator.points}` },
      });
    }
    // begin() locked the campaign, so no other moderation passes this check meanwhile.
    const current = await trx
      .selectFrom('assessment_moderations')
      .select('version')
      .where('campaign_id', '=', row.id)
      .where('indicator_id', '=', indicator.id)
      .executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) {
      throw new AppError('STALE_VERSION', {
        message: `the moderation of ${indicator.code} was changed by someone else; reload and try again`,
        params: { current: current?.version ?? 0, yours: input.version },
      });
    }
    // Taking back keeps the row (points null) so the version keeps counting.
    const values = {
      points: input.points,
      reason: input.reason,
      moderated_by: actorId(ctx),
      moderated_at: ctx.clock.now(),
      version: input.version + 1,
    };
    await trx
      .insertInto('assessment_moderations')
      .values({ campaign_id: row.id, indicator_id: indicator.id, ...tenant(row), ...values })
      .onConflict((oc) => oc.columns(['campaign_id', 'indicator_id']).doUpdateSet(values))
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'assessment',
      entityId: row.id,
      action: 'moderate',
      officeId: row.office_id,
      unitId: row.unit_id,
      after: { indicator: indicator.code, points: input.points, reason: input.reason },
    });
  });
}

export async function setExemption(ctx: AuthedContext, input: z.output<typeof ZSetExemption>) {
  const row = await assessable(ctx, input.campaignId);
  reviewing(ctx, row);
  await withTx(ctx.db, async (trx) => {
    await begin(trx, ctx, row, ASSESSED_PHASES);
    const indicator = await indicatorOf(trx, row, input.indicatorId);
    await trx
      .deleteFrom('assessment_exemptions')
      .where('campaign_id', '=', row.id)
      .where('indicator_id', '=', indicator.id)
      .execute();
    if (input.exempt) {
      await trx
        .insertInto('assessment_exemptions')
        .values({
          campaign_id: row.id,
          indicator_id: indicator.id,
          ...tenant(row),
          reason: input.reason,
          decided_by: actorId(ctx),
          decided_at: ctx.clock.now(),
        })
        .execute();
    }
    await recordAudit(trx, ctx, {
      entity: 'assessment',
      entityId: row.id,
      action: input.exempt ? 'exempt' : 'unexempt',
      officeId: row.office_id,
      unitId: row.unit_id,
      after: { indicator: indicator.code, reason: input.reason },
    });
  });
}
