import { ForbiddenError, subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { withTx } from '@wenming/db';
import { dutyPeriods, periodStatus, type TDutyCalendar, type ZCreateDuty } from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { readable as readableCampaign, today } from '../campaign/service';
import { type AuthedContext, actorId } from '../context';
import { officeAncestry } from '../framework/repository';
import * as offices from '../office/repository';

const LOOKAHEAD_DAYS = 92;

/**
 * Every duty that applies to a campaign (its own, and those of its office and the offices
 * above), each period marked met, missing or upcoming from the evidence filed.
 */
export async function calendar(ctx: AuthedContext, campaignId: string): Promise<TDutyCalendar> {
  const campaign = await readableCampaign(ctx, campaignId);
  const ancestry = await officeAncestry(ctx.db, campaign.office_id);
  const duties = await ctx.db
    .selectFrom('duties')
    .selectAll()
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb('campaign_id', '=', campaignId),
        eb.and([eb('unit_id', 'is', null), eb('office_id', 'in', ancestry)]),
      ]),
    )
    .orderBy('created_at')
    .execute();
  const evidence = await ctx.db
    .selectFrom('evidence_items as e')
    .leftJoin('evidence_indicators as ei', 'ei.evidence_id', 'e.id')
    .leftJoin('framework_indicators as i', 'i.id', 'ei.indicator_id')
    .select(['e.event_date', 'e.kind', 'i.code'])
    .where('e.campaign_id', '=', campaignId)
    .where('e.retracted_at', 'is', null)
    .execute();
  const day = today(ctx);
  const until = new Date(Date.parse(day) + LOOKAHEAD_DAYS * 86_400_000).toISOString().slice(0, 10);
  const termEnd = `${campaign.term_end_year + 1}-01-01`;
  return {
    items: duties.map((d) => {
      const dates = evidence
        .filter(
          (e) =>
            (!d.evidence_kind || e.kind === d.evidence_kind) &&
            (d.indicator_codes.length === 0 || (e.code !== null && d.indicator_codes.includes(e.code))),
        )
        .map((e) => e.event_date);
      return {
        id: d.id,
        title: d.title,
        period: d.period,
        scope: d.campaign_id ? ('campaign' as const) : ('office' as const),
        evidenceKind: d.evidence_kind,
        indicatorCodes: d.indicator_codes,
        periods: dutyPeriods(d.period, d.starts_on, until < termEnd ? until : termEnd).map((p) => ({
          ...p,
          status: periodStatus(p, day, dates),
        })),
      };
    }),
  };
}

export async function create(ctx: AuthedContext, input: z.output<typeof ZCreateDuty>) {
  let scope: { office_id: string; unit_id: string | null; campaign_id: string | null };
  if (input.campaignId) {
    const campaign = await readableCampaign(ctx, input.campaignId);
    scope = { office_id: campaign.office_id, unit_id: campaign.unit_id, campaign_id: campaign.id };
  } else {
    const office = await offices.findOffice(ctx.db, input.officeId!);
    if (!office || !ctx.ability.can('read', subject('Office', office))) {
      throw new AppError('NOT_FOUND', { message: 'office not found', params: { entity: 'office' } });
    }
    scope = { office_id: office.id, unit_id: null, campaign_id: null };
  }
  ForbiddenError.from(ctx.ability).throwUnlessCan('create', subject('Duty', scope));
  return withTx(ctx.db, async (trx) => {
    const duty = await trx
      .insertInto('duties')
      .values({
        ...scope,
        title: input.title,
        period: input.period,
        evidence_kind: input.evidenceKind,
        indicator_codes: input.indicatorCodes,
        starts_on: input.startsOn,
        created_by: actorId(ctx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'duty',
      entityId: duty.id,
      action: 'create',
      officeId: scope.office_id,
      unitId: scope.unit_id,
      after: { title: input.title, period: input.period },
    });
    return { id: duty.id };
  });
}

/** Duties are switched off, never deleted: past periods stay explainable. */
export async function deactivate(ctx: AuthedContext, id: string) {
  const duty = await ctx.db.selectFrom('duties').selectAll().where('id', '=', id).executeTakeFirst();
  if (!duty || !ctx.ability.can('read', subject('Duty', duty)))
    throw new AppError('NOT_FOUND', { message: 'duty not found' });
  ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Duty', duty));
  await withTx(ctx.db, async (trx) => {
    await trx.updateTable('duties').set({ active: false }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      entity: 'duty',
      entityId: id,
      action: 'deactivate',
      officeId: duty.office_id,
      unitId: duty.unit_id,
    });
  });
  return { id };
}
