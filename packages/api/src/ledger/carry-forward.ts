import { ForbiddenError, subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { withTx } from '@wenming/db';
import { STANDING_KINDS, type TTermComparison } from '@wenming/domain';
import { assertOpen, readable as readableCampaign } from '../campaign/service';
import type { AuthedContext } from '../context';
import * as evidence from './service';

/** The unit's campaign before this one: where standing materials come from. */
async function previousCampaign(
  ctx: AuthedContext,
  campaign: { id: string; unit_id: string; created_at: Date },
) {
  return ctx.db
    .selectFrom('campaigns')
    .select(['id', 'framework_id'])
    .where('unit_id', '=', campaign.unit_id)
    .where('id', '<>', campaign.id)
    .where('created_at', '<=', campaign.created_at)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function itemsWithCodes(ctx: AuthedContext, campaignId: string) {
  const [items, links] = await Promise.all([
    ctx.db
      .selectFrom('evidence_items')
      .select(['id', 'kind', 'title', 'event_date', 'revision', 'carried_from'])
      .where('campaign_id', '=', campaignId)
      .where('retracted_at', 'is', null)
      .orderBy('event_date')
      .execute(),
    ctx.db
      .selectFrom('evidence_indicators as ei')
      .innerJoin('framework_indicators as i', 'i.id', 'ei.indicator_id')
      .innerJoin('evidence_items as e', 'e.id', 'ei.evidence_id')
      .select(['ei.evidence_id', 'i.code'])
      .where('e.campaign_id', '=', campaignId)
      .execute(),
  ]);
  return items.map((item) => ({
    ...item,
    codes: links.filter((l) => l.evidence_id === item.id).map((l) => l.code),
  }));
}

/**
 * What the new term's ledger can take over from the last one, and how the two compare per
 * indicator (by code, stable across framework versions): carried, changed since carried,
 * newly filed, or missing although it was filed last term.
 */
export async function termComparison(ctx: AuthedContext, campaignId: string): Promise<TTermComparison> {
  const campaign = await readableCampaign(ctx, campaignId);
  const previous = await previousCampaign(ctx, campaign);
  const indicators = await ctx.db
    .selectFrom('framework_indicators as i')
    .innerJoin('framework_categories as c', 'c.id', 'i.category_id')
    .select(['i.code', 'i.name_zh'])
    .where('i.framework_id', '=', campaign.framework_id)
    .orderBy('c.position')
    .orderBy('i.position')
    .execute();
  const codes = new Set(indicators.map((i) => i.code));
  const current = await itemsWithCodes(ctx, campaignId);
  const before = previous ? await itemsWithCodes(ctx, previous.id) : [];
  const carriedFrom = new Set(current.map((i) => i.carried_from).filter(Boolean));
  return {
    previousCampaignId: previous?.id ?? null,
    candidates: before.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      eventDate: item.event_date,
      standing: STANDING_KINDS.includes(item.kind),
      indicatorCodes: item.codes,
      unmappedCodes: item.codes.filter((c) => !codes.has(c)),
      carried: carriedFrom.has(item.id),
    })),
    indicators: indicators.map((ind) => {
      const now = current.filter((i) => i.codes.includes(ind.code));
      const carried = now.filter((i) => i.carried_from).length;
      const changed = now.filter((i) => i.carried_from && i.revision > 1).length;
      const added = now.length - carried;
      const prev = before.filter((i) => i.codes.includes(ind.code)).length;
      const status =
        changed > 0
          ? 'changed'
          : added > 0
            ? 'new'
            : carried > 0
              ? 'carried'
              : prev > 0
                ? 'missing'
                : 'empty';
      return { code: ind.code, name: ind.name_zh, carried, changed, added, previous: prev, status };
    }),
  };
}

/**
 * Files copies of the chosen items of the previous term into this campaign: same content and
 * files, links moved to the new framework's indicators of the same code (others dropped),
 * captured now and chained like any filing. An item already carried is skipped.
 */
export async function carryForward(ctx: AuthedContext, input: { campaignId: string; evidenceIds: string[] }) {
  const campaign = await readableCampaign(ctx, input.campaignId);
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'create',
    subject('Evidence', { office_id: campaign.office_id, unit_id: campaign.unit_id }),
  );
  assertOpen(campaign);
  const previous = await previousCampaign(ctx, campaign);
  if (!previous)
    throw new AppError('NOT_FOUND', { message: 'this unit has no earlier campaign to carry from' });
  const newIndicators = await ctx.db
    .selectFrom('framework_indicators')
    .select(['id', 'code'])
    .where('framework_id', '=', campaign.framework_id)
    .execute();
  return withTx(ctx.db, async (trx) => {
    const scoped = { ...ctx, db: trx };
    let carried = 0;
    for (const id of [...new Set(input.evidenceIds)]) {
      const source = await evidence.get(scoped, id);
      if (source.campaignId !== previous.id) {
        throw new AppError('BAD_REQUEST', {
          message: 'only items of the previous term can be carried forward',
          fields: { evidenceIds: id },
        });
      }
      const already = await trx
        .selectFrom('evidence_items')
        .select('id')
        .where('campaign_id', '=', campaign.id)
        .where('carried_from', '=', id)
        .executeTakeFirst();
      if (already || source.retracted) continue;
      const created = await evidence.create(scoped, {
        campaignId: campaign.id,
        kind: source.kind,
        title: source.title,
        description: source.description,
        eventDate: source.eventDate,
        departmentId: source.departmentId,
        keeper: source.keeper,
        participants: source.participants,
        place: source.place,
        indicators: source.indicators.flatMap((l) => {
          const target = newIndicators.find((i) => i.code === l.code);
          return target
            ? [{ indicatorId: target.id, explanation: l.explanation, materials: l.materials }]
            : [];
        }),
        taskIds: [],
        attachments: source.attachments.map((a) => ({ sha256: a.sha256, name: a.name })),
      });
      await trx
        .updateTable('evidence_items')
        .set({ carried_from: id })
        .where('id', '=', created.id)
        .execute();
      carried++;
    }
    return { carried, skipped: input.evidenceIds.length - carried };
  });
}
