import { ForbiddenError, subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError, todayInChina } from '@wenming/core';
import { withTx } from '@wenming/db';
import type { ZListMeetings, ZRecordMeeting } from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import { create as createEvidence } from '../ledger/service';
import { runningCampaign } from '../notice/scope';
import { olderThan, pageOf } from '../pagination';
import { findUnit } from '../unit/repository';

const base = (ctx: AuthedContext) =>
  ctx.db
    .selectFrom('meetings as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .leftJoin('users as r', 'r.id', 'm.recorded_by')
    .selectAll('m')
    .select(['u.name as unit_name', 'r.display_name as recorded_by_name'])
    .where(accessibleWhere(ctx.ability, 'read', 'Meeting', 'm'));

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirst']>>>;

const toMeeting = (m: Row) => ({
  id: m.id,
  unitId: m.unit_id,
  unitName: m.unit_name,
  campaignId: m.campaign_id,
  title: m.title,
  heldOn: m.held_on,
  place: m.place,
  attendees: m.attendees,
  absentees: m.absentees,
  minutes: m.minutes,
  ledgerEvidenceId: m.ledger_evidence_id,
  recordedAt: m.recorded_at.toISOString(),
  recordedByName: m.recorded_by_name,
});

export async function get(ctx: AuthedContext, id: string) {
  const row = await base(ctx).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { message: 'meeting not found', params: { entity: 'meeting' } });
  return toMeeting(row);
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListMeetings>) {
  let q = base(ctx);
  if (input.unitId) q = q.where('m.unit_id', '=', input.unitId);
  if (input.cursor) {
    q = q.where(olderThan(input.cursor, 'm.held_on', 'm.id'));
  }
  const rows = await q
    .orderBy('m.held_on', 'desc')
    .orderBy('m.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  return pageOf(
    rows,
    input.limit,
    (r) => {
      const { minutes: _, ...meeting } = toMeeting(r);
      return meeting;
    },
    (r) => [r.held_on, r.id],
  );
}

/**
 * A leading-group meeting, recorded after it was held, and filed in the ledger as meeting
 * minutes (through the ledger, so the unit's hash chain holds).
 */
export async function record(ctx: AuthedContext, input: z.output<typeof ZRecordMeeting>) {
  const unit = await findUnit(ctx.db, input.unitId);
  if (!unit || !ctx.ability.can('read', subject('Unit', unit)))
    throw new AppError('NOT_FOUND', { message: 'unit not found', params: { entity: 'unit' } });
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'create',
    subject('Meeting', { office_id: unit.office_id, unit_id: unit.id }),
  );
  if (input.heldOn > todayInChina(ctx.clock.now()))
    throw new AppError('BAD_REQUEST', {
      message: 'a meeting is recorded after it was held',
      fields: { heldOn: 'in the future' },
    });
  const campaign = await runningCampaign(ctx, unit.id);
  const id = await withTx(ctx.db, async (trx) => {
    const evidence = campaign
      ? await createEvidence(
          { ...ctx, db: trx },
          {
            campaignId: campaign.id,
            kind: 'meeting_minutes',
            title: input.title,
            description: input.minutes,
            eventDate: input.heldOn,
            departmentId: null,
            keeper: null,
            participants: input.attendees.length,
            place: input.place || null,
            indicators: [],
            taskIds: [],
            attachments: [],
          },
        )
      : null;
    const row = await trx
      .insertInto('meetings')
      .values({
        office_id: unit.office_id,
        unit_id: unit.id,
        campaign_id: campaign?.id ?? null,
        title: input.title,
        held_on: input.heldOn,
        place: input.place || null,
        attendees: input.attendees,
        absentees: input.absentees,
        minutes: input.minutes,
        ledger_evidence_id: evidence?.id ?? null,
        recorded_by: actorId(ctx),
        recorded_at: ctx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'meeting',
      entityId: row.id,
      action: 'record',
      officeId: unit.office_id,
      unitId: unit.id,
      after: { heldOn: input.heldOn, attendees: input.attendees.length },
    });
    return row.id;
  });
  return get(ctx, id);
}
