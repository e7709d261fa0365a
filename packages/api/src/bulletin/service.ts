import { ForbiddenError, subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError } from '@wenming/core';
import { withTx } from '@wenming/db';
import type { ZAcknowledgeBulletin, ZListBulletins, ZPublishBulletin } from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import { officeInScope, unitsUnder } from '../notice/scope';
import { messages } from '../notification/messages';
import { notify, readByLink } from '../notification/notify';
import { olderThan, pageOf } from '../pagination';

async function recipientsOf(ctx: AuthedContext, id: string) {
  return ctx.db
    .selectFrom('bulletin_recipients as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('users as rb', 'rb.id', 'r.read_by')
    .leftJoin('users as ab', 'ab.id', 'r.acknowledged_by')
    .selectAll('r')
    .select(['u.name as unit_name', 'rb.display_name as read_by_name', 'ab.display_name as ack_by_name'])
    .where('r.bulletin_id', '=', id)
    .where(accessibleWhere(ctx.ability, 'read', 'Bulletin', 'r'))
    .orderBy('u.name')
    .execute();
}

/** A bulletin the caller may see: addressed to a unit in the caller's scope. */
async function readable(ctx: AuthedContext, id: string) {
  const row = await ctx.db
    .selectFrom('bulletins as b')
    .innerJoin('offices as o', 'o.id', 'b.office_id')
    .leftJoin('users as u', 'u.id', 'b.published_by')
    .leftJoin('inspections as i', 'i.id', 'b.inspection_id')
    .selectAll('b')
    .select(['o.name as office_name', 'u.display_name as published_by_name', 'i.title as inspection_title'])
    .where('b.id', '=', id)
    .executeTakeFirst();
  const recipients = row ? await recipientsOf(ctx, id) : [];
  if (!row || recipients.length === 0)
    throw new AppError('NOT_FOUND', { message: 'bulletin not found', params: { entity: 'bulletin' } });
  return { row, recipients };
}

/** Unit staff opening a bulletin leave a read receipt for their unit (the first reader's name and time). */
async function markRead(ctx: AuthedContext, id: string, unitIds: string[]) {
  if (ctx.user.system || unitIds.length === 0) return;
  await ctx.db
    .updateTable('bulletin_recipients')
    .set({ read_at: ctx.clock.now(), read_by: ctx.user.id })
    .where('bulletin_id', '=', id)
    .where('unit_id', 'in', unitIds)
    .where('read_at', 'is', null)
    .execute();
}

/** The units the caller belongs to (unit roles), whose receipts the caller writes. */
const ownUnits = (ctx: AuthedContext) =>
  ctx.user.grants.flatMap((g) => (g.unitId && g.role.startsWith('unit') ? [g.unitId] : []));

export async function get(ctx: AuthedContext, id: string) {
  let { row, recipients } = await readable(ctx, id);
  if (!ctx.user.system) await readByLink(ctx.db, ctx.user.id, `/portal/bulletins/${id}`, ctx.clock.now());
  const mine = ownUnits(ctx).filter((u) => recipients.some((r) => r.unit_id === u && !r.read_at));
  if (mine.length) {
    await markRead(ctx, id, mine);
    recipients = await recipientsOf(ctx, id);
  }
  const findings = row.finding_ids.length
    ? await ctx.db
        .selectFrom('findings')
        .select(['id', 'unit_id', 'description'])
        .where('id', 'in', row.finding_ids)
        .execute()
    : [];
  const visibleUnits = new Set(recipients.map((r) => r.unit_id));
  return {
    id: row.id,
    officeId: row.office_id,
    officeName: row.office_name,
    kind: row.kind,
    title: row.title,
    body: row.body,
    inspectionId: row.inspection_id,
    inspectionTitle: row.inspection_title,
    // A unit sees the findings about itself, not those about the other units addressed.
    findings: findings
      .filter((f) => visibleUnits.has(f.unit_id))
      .map((f) => ({ id: f.id, unitId: f.unit_id, description: f.description })),
    publishedAt: row.published_at.toISOString(),
    publishedByName: row.published_by_name,
    recipients: recipients.map((r) => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      readAt: r.read_at ? r.read_at.toISOString() : null,
      readByName: r.read_by_name,
      acknowledgedAt: r.acknowledged_at ? r.acknowledged_at.toISOString() : null,
      acknowledgedByName: r.ack_by_name,
    })),
    canAcknowledge: recipients.some(
      (r) => !r.acknowledged_at && ctx.ability.can('update', subject('Bulletin', r)),
    ),
  };
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListBulletins>) {
  // One row per bulletin over its addressed units in the caller's view: a unit counts only itself.
  let q = ctx.db
    .selectFrom('bulletins as b')
    .innerJoin('bulletin_recipients as r', 'r.bulletin_id', 'b.id')
    .innerJoin('offices as o', 'o.id', 'b.office_id')
    .select(['b.id', 'b.office_id', 'b.kind', 'b.title', 'b.published_at', 'o.name as office_name'])
    .select([
      sql<number>`count(*)::int`.as('recipients'),
      sql<number>`count(r.acknowledged_at)::int`.as('acknowledged'),
      sql<number>`count(r.read_at)::int`.as('read'),
    ])
    .where(accessibleWhere(ctx.ability, 'read', 'Bulletin', 'r'))
    .groupBy(['b.id', 'o.name']);
  if (input.unitId) q = q.where('r.unit_id', '=', input.unitId);
  if (input.kind) q = q.where('b.kind', '=', input.kind);
  if (input.unacknowledged) q = q.having(sql<boolean>`count(r.acknowledged_at) < count(*)`);
  if (input.cursor) {
    q = q.where(olderThan(input.cursor, 'b.published_at', 'b.id'));
  }
  const rows = await q
    .orderBy('b.published_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  return pageOf(
    rows,
    input.limit,
    (r) => ({
      id: r.id,
      officeId: r.office_id,
      officeName: r.office_name,
      kind: r.kind,
      title: r.title,
      publishedAt: r.published_at.toISOString(),
      recipients: Number(r.recipients ?? 0),
      acknowledged: Number(r.acknowledged ?? 0),
      read: Number(r.read ?? 0),
    }),
    (r) => [r.published_at.toISOString(), r.id],
  );
}

/**
 * An inspection a bulletin names must be one every addressed unit may already know of:
 * naming an unannounced inspection before it is completed would give it away.
 */
async function checkReferences(
  ctx: AuthedContext,
  input: z.output<typeof ZPublishBulletin>,
  unitIds: string[],
) {
  if (input.inspectionId) {
    const inspection = await ctx.db
      .selectFrom('inspections')
      .selectAll()
      .where('id', '=', input.inspectionId)
      .executeTakeFirst();
    if (!inspection || !ctx.ability.can('read', subject('Inspection', inspection)))
      throw new AppError('NOT_FOUND', { message: 'inspection not found', params: { entity: 'inspection' } });
    const hidden = await ctx.db
      .selectFrom('inspection_targets')
      .select('unit_id')
      .where('inspection_id', '=', inspection.id)
      .where('unit_id', 'in', unitIds)
      .where('visible_to_unit', '=', false)
      .execute();
    if (hidden.length)
      throw new AppError('INSPECTION_NOT_VISIBLE', {
        message: 'the inspection is unannounced and not completed yet; the units may not learn of it',
        fields: { inspectionId: 'not completed' },
      });
  }
  if (input.findingIds.length) {
    const findings = await ctx.db
      .selectFrom('findings as f')
      .innerJoin('inspection_targets as t', (j) =>
        j.onRef('t.inspection_id', '=', 'f.inspection_id').onRef('t.unit_id', '=', 'f.unit_id'),
      )
      .select(['f.id', 'f.unit_id', 'f.inspection_id', 't.visible_to_unit'])
      .where('f.id', 'in', input.findingIds)
      .execute();
    const ids = new Set(input.findingIds);
    if (
      findings.length !== ids.size ||
      findings.some(
        (f) => !unitIds.includes(f.unit_id) || (input.inspectionId && f.inspection_id !== input.inspectionId),
      )
    )
      throw new AppError('BAD_REQUEST', {
        message: 'a finding is not about an addressed unit (or not from this inspection)',
        fields: { findingIds: 'not about these units' },
      });
    if (findings.some((f) => !f.visible_to_unit))
      throw new AppError('INSPECTION_NOT_VISIBLE', {
        message: 'a finding comes from an unannounced inspection not completed yet',
        fields: { findingIds: 'not completed' },
      });
  }
}

export async function publish(ctx: AuthedContext, input: z.output<typeof ZPublishBulletin>) {
  const office = await officeInScope(ctx, input.officeId);
  ForbiddenError.from(ctx.ability).throwUnlessCan('create', subject('Bulletin', { office_id: office.id }));
  const units = await unitsUnder(ctx, office.id, input.unitIds);
  await checkReferences(
    ctx,
    input,
    units.map((u) => u.id),
  );
  const id = await withTx(ctx.db, async (trx) => {
    const now = ctx.clock.now();
    const row = await trx
      .insertInto('bulletins')
      .values({
        office_id: office.id,
        kind: input.kind,
        title: input.title,
        body: input.body,
        inspection_id: input.inspectionId ?? null,
        finding_ids: [...new Set(input.findingIds)],
        published_by: actorId(ctx),
        published_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('bulletin_recipients')
      .values(units.map((u) => ({ bulletin_id: row.id, office_id: u.office_id, unit_id: u.id })))
      .execute();
    for (const unit of units) {
      await notify(trx, {
        unitId: unit.id,
        kind: 'bulletin',
        message: messages.bulletin(input.kind, input.title),
        link: `/portal/bulletins/${row.id}`,
        at: now,
      });
    }
    await recordAudit(trx, ctx, {
      entity: 'bulletin',
      entityId: row.id,
      action: 'publish',
      officeId: office.id,
      after: { kind: input.kind, units: units.length },
    });
    return row.id;
  });
  return get(ctx, id);
}

/** The campaign office signs for its unit; a second acknowledgement keeps the first receipt. */
export async function acknowledge(ctx: AuthedContext, input: z.output<typeof ZAcknowledgeBulletin>) {
  const { recipients } = await readable(ctx, input.id);
  const addressed = input.unitId ? recipients.filter((r) => r.unit_id === input.unitId) : recipients;
  if (addressed.length === 0)
    throw new AppError('NOT_FOUND', { message: 'the bulletin is not addressed to this unit' });
  const candidates = addressed.filter((r) => ctx.ability.can('update', subject('Bulletin', r)));
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'update',
    subject('Bulletin', candidates[0] ?? addressed[0]!),
  );
  if (candidates.length > 1)
    throw new AppError('BAD_REQUEST', { message: 'say for which unit', fields: { unitId: 'required' } });
  const target = candidates[0]!;
  if (!target.acknowledged_at) {
    await withTx(ctx.db, async (trx) => {
      const now = ctx.clock.now();
      await trx
        .updateTable('bulletin_recipients')
        .set({
          acknowledged_at: now,
          acknowledged_by: actorId(ctx),
          // Acknowledging is reading, too.
          read_at: target.read_at ?? now,
          read_by: target.read_by ?? actorId(ctx),
        })
        .where('bulletin_id', '=', input.id)
        .where('unit_id', '=', target.unit_id)
        .where('acknowledged_at', 'is', null)
        .execute();
      await recordAudit(trx, ctx, {
        entity: 'bulletin',
        entityId: input.id,
        action: 'acknowledge',
        officeId: target.office_id,
        unitId: target.unit_id,
      });
    });
  }
  return get(ctx, input.id);
}
