import { ForbiddenError, subject } from '@casl/ability';
import { AppError, todayInChina } from '@wenming/core';
import { withTx } from '@wenming/db';
import {
  type CampaignPhase,
  checkOpening,
  checkTransition,
  type StatusLevel,
  type TCampaign,
  type TCampaignSummary,
  type TransitionPermission,
  transitionsFrom,
  type ZListCampaigns,
  type ZOpenCampaign,
  type ZTransitionCampaign,
  type ZUpdatePlans,
} from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import { resolveFor } from '../framework/service';
import { decodeCursor, pageOf } from '../pagination';
import * as units from '../unit/repository';
import { toMember } from './mappers';
import * as repo from './repository';

export function today(ctx: Pick<AuthedContext, 'clock'>): string {
  return todayInChina(ctx.clock.now());
}

function toSummary(r: repo.CampaignRowFull): TCampaignSummary {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    officeId: r.office_id,
    officeName: r.office_name,
    kind: r.kind,
    fromLevel: r.from_level,
    targetLevel: r.target_level,
    termStartYear: r.term_start_year,
    termEndYear: r.term_end_year,
    phase: r.phase,
    phaseChangedAt: r.phase_changed_at.toISOString(),
    framework: {
      id: r.framework_id,
      code: r.framework_code,
      version: r.framework_version,
      name: { zh: r.framework_name_zh, en: r.framework_name_en },
    },
    progress: { tasks: r.tasks, done: r.done, inProgress: r.in_progress, overdue: r.overdue },
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListCampaigns>) {
  const after = input.cursor ? (decodeCursor(input.cursor, 2) as [string, string]) : undefined;
  const rows = await repo.listCampaigns(ctx.db, ctx.ability, today(ctx), { ...input, after });
  return pageOf(rows, input.limit, toSummary, (r) => [r.created_key, r.id]);
}

/** A campaign the caller may read, or NOT_FOUND. */
export async function readable(ctx: AuthedContext, id: string) {
  const row = await repo.findCampaign(ctx.db, id, today(ctx));
  if (!row || !ctx.ability.can('read', subject('Campaign', row))) {
    throw new AppError('NOT_FOUND', { message: 'campaign not found', params: { entity: 'campaign' } });
  }
  return row;
}

function permissionsOf(
  ctx: AuthedContext,
  row: { office_id: string; unit_id: string },
): TransitionPermission[] {
  const target = subject('Campaign', { office_id: row.office_id, unit_id: row.unit_id });
  return (['advance', 'review'] as const).filter((p) => ctx.ability.can(p, target));
}

export async function get(ctx: AuthedContext, id: string): Promise<TCampaign> {
  const row = await readable(ctx, id);
  const [members, transitions, facts] = await Promise.all([
    repo.listLeadingGroup(ctx.db, id, true),
    repo.listTransitions(ctx.db, id),
    repo.campaignFacts(ctx.db, id),
  ]);
  const permissions = permissionsOf(ctx, row);
  const steps = transitionsFrom(row.phase, permissions);
  return {
    ...toSummary(row),
    plan: row.plan,
    implementationPlan: row.implementation_plan,
    leadingGroup: members.map(toMember),
    transitions: transitions.map((t) => ({
      id: t.id,
      from: t.from_phase,
      to: t.to_phase,
      actorName: t.actor_name,
      comment: t.comment,
      at: t.at.toISOString(),
    })),
    nextSteps: [...new Map(steps.map((s) => [s.to, s])).values()].map((s) => ({
      to: s.to,
      blockedBy: s.guard?.(facts) ?? [],
      commentRequired: s.commentRequired === true,
    })),
  };
}

export async function open(ctx: AuthedContext, input: z.output<typeof ZOpenCampaign>): Promise<TCampaign> {
  const unit = await units.findUnit(ctx.db, input.unitId);
  if (!unit || !ctx.ability.can('read', subject('Unit', unit))) {
    throw new AppError('NOT_FOUND', { message: 'unit not found', params: { entity: 'unit' } });
  }
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'create',
    subject('Campaign', { office_id: unit.office_id, unit_id: unit.id }),
  );
  const id = await withTx(ctx.db, async (trx) => {
    // Serialise openings per unit so "one open campaign" holds under concurrency too.
    await units.findUnit(trx, unit.id, { forUpdate: true });
    const problems = checkOpening({
      current: unit.status_level,
      kind: input.kind,
      target: input.targetLevel as StatusLevel,
      termStartYear: input.termStartYear,
      termEndYear: input.termEndYear,
      hasOpenCampaign: await repo.hasOpenCampaign(trx, unit.id),
    });
    const first = problems[0];
    if (first) {
      throw new AppError(
        first.code === 'CAMPAIGN_ALREADY_OPEN' ? 'CAMPAIGN_ALREADY_OPEN' : 'CAMPAIGN_NOT_OPENABLE',
        {
          message: `cannot open this campaign: ${problems.map((p) => p.code).join(', ')}`,
          params: {
            problems: problems.map((p) => p.code),
            allowed: first.code === 'UPGRADE_NOT_NEXT_LEVEL' ? first.allowed : [],
          },
          fields: Object.fromEntries(
            problems.map((p) => [
              p.code === 'TERM_INVALID'
                ? 'termEndYear'
                : p.code === 'CAMPAIGN_ALREADY_OPEN'
                  ? 'unitId'
                  : 'targetLevel',
              p.code,
            ]),
          ),
        },
      );
    }
    const frameworkId = await resolveFor({ db: trx }, unit.office_id, input.targetLevel, unit.type);
    if (!frameworkId) {
      throw new AppError('FRAMEWORK_NOT_PUBLISHED', {
        message: `no assessment framework is published for ${input.targetLevel} (${unit.type}) in this office`,
        params: { level: input.targetLevel, unitType: unit.type },
      });
    }
    const now = ctx.clock.now();
    const campaign = await trx
      .insertInto('campaigns')
      .values({
        office_id: unit.office_id,
        unit_id: unit.id,
        kind: input.kind,
        from_level: unit.status_level,
        target_level: input.targetLevel,
        term_start_year: input.termStartYear,
        term_end_year: input.termEndYear,
        framework_id: frameworkId,
        created_by: actorId(ctx),
        phase_changed_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('campaign_transitions')
      .values({
        office_id: unit.office_id,
        unit_id: unit.id,
        campaign_id: campaign.id,
        from_phase: null,
        to_phase: 'draft',
        actor_id: actorId(ctx),
        at: now,
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'campaign',
      entityId: campaign.id,
      action: 'open',
      officeId: unit.office_id,
      unitId: unit.id,
      after: {
        kind: input.kind,
        targetLevel: input.targetLevel,
        term: [input.termStartYear, input.termEndYear],
      },
    });
    return campaign.id;
  });
  return get(ctx, id);
}

export async function transition(
  ctx: AuthedContext,
  input: z.output<typeof ZTransitionCampaign>,
): Promise<TCampaign> {
  await readable(ctx, input.id);
  await withTx(ctx.db, async (trx) => {
    const row = (await repo.lockCampaign(trx, input.id))!;
    const permissions = permissionsOf(ctx, row);
    if (permissions.length === 0) {
      ForbiddenError.from(ctx.ability).throwUnlessCan('advance', subject('Campaign', row));
    }
    const check = checkTransition(
      row.phase,
      input.to,
      permissions,
      await repo.campaignFacts(trx, row.id),
      input.comment,
    );
    if (!check.ok) throw transitionError(row.phase, input.to, check);
    const now = ctx.clock.now();
    await trx
      .updateTable('campaigns')
      .set({ phase: input.to, phase_changed_at: now, updated_at: now, version: row.version + 1 })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('campaign_transitions')
      .values({
        office_id: row.office_id,
        unit_id: row.unit_id,
        campaign_id: row.id,
        from_phase: row.phase,
        to_phase: input.to,
        actor_id: actorId(ctx),
        comment: input.comment ?? null,
        at: now,
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'campaign',
      entityId: row.id,
      action: 'transition',
      officeId: row.office_id,
      unitId: row.unit_id,
      before: { phase: row.phase },
      after: { phase: input.to, comment: input.comment },
    });
  });
  return get(ctx, input.id);
}

function transitionError(
  from: CampaignPhase,
  to: CampaignPhase,
  check: Exclude<ReturnType<typeof checkTransition>, { ok: true }>,
) {
  if (check.reason === 'ILLEGAL') {
    return new AppError('ILLEGAL_TRANSITION', {
      message: `a campaign in phase ${from} cannot move to ${to}; allowed next: ${check.allowed.join(', ') || 'none'}`,
      params: { phase: from, to, allowed: check.allowed },
    });
  }
  if (check.reason === 'GUARD') {
    return new AppError('TRANSITION_BLOCKED', {
      message: `cannot move to ${to} yet: ${check.failures.join(', ')}`,
      params: { phase: from, to, blockedBy: check.failures },
    });
  }
  return new AppError('COMMENT_REQUIRED', {
    message: 'say why in a comment',
    fields: { comment: 'required' },
  });
}

/** Campaigns that are decided or withdrawn are history: their content no longer changes. */
export function assertOpen(row: { phase: CampaignPhase }) {
  if (row.phase === 'decided' || row.phase === 'withdrawn') {
    throw new AppError('CAMPAIGN_CLOSED', {
      message: `the campaign is ${row.phase}; it can no longer change`,
      params: { phase: row.phase },
    });
  }
}

/** Refuses a save that started from an older version of the campaign than the one stored. */
export function assertVersion(row: { version: number }, yours: number) {
  if (row.version !== yours)
    throw new AppError('STALE_VERSION', {
      message: 'the campaign was changed by someone else; reload and try again',
      params: { current: row.version, yours },
    });
}

export async function updatePlans(
  ctx: AuthedContext,
  input: z.output<typeof ZUpdatePlans>,
): Promise<TCampaign> {
  await readable(ctx, input.id);
  await withTx(ctx.db, async (trx) => {
    const row = (await repo.lockCampaign(trx, input.id))!;
    ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Campaign', row), 'plans');
    assertOpen(row);
    assertVersion(row, input.version);
    await trx
      .updateTable('campaigns')
      .set({
        plan: input.plan ?? row.plan,
        implementation_plan: input.implementationPlan ?? row.implementation_plan,
        version: row.version + 1,
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'campaign',
      entityId: row.id,
      action: 'update_plans',
      officeId: row.office_id,
      unitId: row.unit_id,
      after: { plan: input.plan !== undefined, implementationPlan: input.implementationPlan !== undefined },
    });
  });
  return get(ctx, input.id);
}
