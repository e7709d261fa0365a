import { ForbiddenError, subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError } from '@wenming/core';
import { withTx } from '@wenming/db';
import {
  type ZAddFinding,
  ZChecklistItem,
  type ZCreateInspection,
  type ZListInspections,
  type ZRecordResult,
} from '@wenming/domain';
import { sql } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import { messages } from '../notification/messages';
import { notify } from '../notification/notify';
import * as offices from '../office/repository';

const ZChecklist = z.array(ZChecklistItem);

/** An inspection the caller may see: office staff in scope, or a unit it targets once visible. */
async function readable(ctx: AuthedContext, id: string) {
  const row = await ctx.db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { message: 'inspection not found' });
  if (ctx.ability.can('read', subject('Inspection', row))) return { row, unitIds: null as string[] | null };
  const visible = await ctx.db
    .selectFrom('inspection_targets')
    .selectAll()
    .where('inspection_id', '=', id)
    .where(accessibleWhere(ctx.ability, 'read', 'InspectionTarget'))
    .execute();
  if (visible.length === 0) throw new AppError('NOT_FOUND', { message: 'inspection not found' });
  return { row, unitIds: visible.map((v) => v.unit_id) };
}

export async function create(ctx: AuthedContext, input: z.output<typeof ZCreateInspection>) {
  const office = await offices.findOffice(ctx.db, input.officeId);
  if (!office || !ctx.ability.can('read', subject('Office', office)))
    throw new AppError('NOT_FOUND', { message: 'office not found' });
  ForbiddenError.from(ctx.ability).throwUnlessCan('create', subject('Inspection', { office_id: office.id }));
  const units = await ctx.db
    .selectFrom('units')
    .select(['id', 'office_id'])
    .where('id', 'in', input.unitIds)
    .execute();
  if (
    units.length !== new Set(input.unitIds).size ||
    units.some((u) => !ctx.ability.can('read', subject('Unit', u)))
  ) {
    throw new AppError('NOT_FOUND', { message: 'unit not found', params: { entity: 'unit' } });
  }
  let checklist = input.checklist;
  if (input.frameworkId) {
    const indicators = await ctx.db
      .selectFrom('framework_indicators')
      .select(['code', 'name_zh'])
      .where('framework_id', '=', input.frameworkId)
      .orderBy('position')
      .execute();
    checklist = [
      ...indicators.map((i) => ({ key: i.code, label: `${i.code} ${i.name_zh}`, indicatorCode: i.code })),
      ...checklist,
    ];
  }
  if (checklist.length === 0)
    throw new AppError('BAD_REQUEST', {
      message: 'an inspection needs a checklist',
      fields: { checklist: 'empty' },
    });
  return withTx(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('inspections')
      .values({
        office_id: office.id,
        kind: input.kind,
        title: input.title,
        planned_on: input.plannedOn,
        checklist: JSON.stringify(checklist),
        created_by: actorId(ctx),
        created_at: ctx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('inspection_targets')
      .values(
        units.map((u) => ({
          inspection_id: row.id,
          office_id: u.office_id,
          unit_id: u.id,
          visible_to_unit: input.kind !== 'unannounced',
        })),
      )
      .execute();
    if (input.inspectorIds.length) {
      await trx
        .insertInto('inspection_inspectors')
        .values(
          input.inspectorIds.map((user_id) => ({ inspection_id: row.id, user_id, office_id: office.id })),
        )
        .execute();
    }
    // Announced inspections are announced; an unannounced one tells nobody before it is done.
    if (input.kind !== 'unannounced') {
      for (const u of units)
        await notify(trx, {
          unitId: u.id,
          kind: 'inspection',
          message: messages.inspectionPlanned(input.title, input.plannedOn),
          link: `/portal/inspections/${row.id}`,
          at: ctx.clock.now(),
        });
    }
    await recordAudit(trx, ctx, {
      entity: 'inspection',
      entityId: row.id,
      action: 'plan',
      officeId: office.id,
      after: { kind: input.kind, units: units.length },
    });
    return get({ ...ctx, db: trx }, row.id);
  });
}

export async function get(ctx: AuthedContext, id: string) {
  const { row, unitIds } = await readable(ctx, id);
  const scope = <T extends { unit_id: string }>(rows: T[]) =>
    unitIds ? rows.filter((r) => unitIds.includes(r.unit_id)) : rows;
  const [units, inspectors, results, findings] = await Promise.all([
    ctx.db
      .selectFrom('inspection_targets as t')
      .innerJoin('units as u', 'u.id', 't.unit_id')
      .select(['u.id as unit_id', 'u.name'])
      .where('t.inspection_id', '=', id)
      .orderBy('u.name')
      .execute(),
    ctx.db
      .selectFrom('inspection_inspectors as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select(['u.id', 'u.display_name'])
      .where('i.inspection_id', '=', id)
      .execute(),
    ctx.db.selectFrom('inspection_results').selectAll().where('inspection_id', '=', id).execute(),
    ctx.db.selectFrom('findings').selectAll().where('inspection_id', '=', id).orderBy('created_at').execute(),
  ]);
  return {
    id: row.id,
    officeId: row.office_id,
    kind: row.kind,
    title: row.title,
    plannedOn: row.planned_on,
    status: row.status,
    checklist: ZChecklist.parse(row.checklist),
    units: scope(units).map((u) => ({ id: u.unit_id, name: u.name })),
    // Unit staff see who inspected them, but not the team's internal notes on other units.
    inspectors: inspectors.map((i) => ({ id: i.id, name: i.display_name })),
    results: scope(results).map((r) => ({
      unitId: r.unit_id,
      itemKey: r.item_key,
      result: r.result,
      notes: r.notes,
      points: r.points === null ? null : Number(r.points),
      photos: r.photos,
      updatedAt: r.updated_at.toISOString(),
    })),
    findings: scope(findings).map((f) => ({
      id: f.id,
      unitId: f.unit_id,
      itemKey: f.item_key,
      severity: f.severity,
      description: f.description,
      createdAt: f.created_at.toISOString(),
    })),
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
  };
}

/** Office staff see every inspection in scope; a unit sees only those visible to it (never an unannounced one before it is done). */
export async function list(ctx: AuthedContext, input: z.output<typeof ZListInspections>) {
  let q = ctx.db
    .selectFrom('inspections as i')
    .selectAll('i')
    .select((eb) => [
      // Counted over what the caller may see: a unit learns nothing of the others inspected.
      eb
        .selectFrom('inspection_targets as t')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('t.inspection_id', '=', 'i.id')
        .where(accessibleWhere(ctx.ability, 'read', 'InspectionTarget', 't'))
        .as('units'),
      eb
        .selectFrom('findings as f')
        .innerJoin('inspection_targets as ft', (j) =>
          j.onRef('ft.inspection_id', '=', 'f.inspection_id').onRef('ft.unit_id', '=', 'f.unit_id'),
        )
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('f.inspection_id', '=', 'i.id')
        .where(accessibleWhere(ctx.ability, 'read', 'InspectionTarget', 'ft'))
        .as('findings'),
    ])
    .where((eb) =>
      eb.or([
        accessibleWhere(ctx.ability, 'read', 'Inspection', 'i')(eb),
        eb.exists(
          eb
            .selectFrom('inspection_targets as t')
            .select('t.unit_id')
            .whereRef('t.inspection_id', '=', 'i.id')
            .where(accessibleWhere(ctx.ability, 'read', 'InspectionTarget', 't')),
        ),
      ]),
    );
  if (input.status) q = q.where('i.status', '=', input.status);
  if (input.unitId) {
    const unitId = input.unitId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('inspection_targets as t')
          .select('t.unit_id')
          .whereRef('t.inspection_id', '=', 'i.id')
          .where('t.unit_id', '=', unitId),
      ),
    );
  }
  const rows = await q.orderBy('i.planned_on', 'desc').limit(200).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      officeId: r.office_id,
      kind: r.kind,
      title: r.title,
      plannedOn: r.planned_on,
      status: r.status,
      completedAt: r.completed_at ? r.completed_at.toISOString() : null,
      units: Number(r.units ?? 0),
      findings: Number(r.findings ?? 0),
    })),
  };
}

async function editable(ctx: AuthedContext, inspectionId: string, unitId: string) {
  const { row } = await readable(ctx, inspectionId);
  ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Inspection', row));
  if (row.status === 'completed') throw new AppError('CONFLICT', { message: 'the inspection is completed' });
  const target = await ctx.db
    .selectFrom('inspection_targets')
    .select('unit_id')
    .where('inspection_id', '=', inspectionId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (!target)
    throw new AppError('BAD_REQUEST', {
      message: 'this unit is not part of the inspection',
      fields: { unitId: 'not inspected here' },
    });
  return row;
}

/** Saved per item as the inspector goes (an upsert), so nothing typed on site is lost. */
export async function recordResult(ctx: AuthedContext, input: z.output<typeof ZRecordResult>) {
  const row = await editable(ctx, input.inspectionId, input.unitId);
  if (!ZChecklist.parse(row.checklist).some((i) => i.key === input.itemKey)) {
    throw new AppError('BAD_REQUEST', {
      message: 'no such checklist item',
      fields: { itemKey: 'not on the checklist' },
    });
  }
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('inspection_results')
    .values({
      inspection_id: row.id,
      unit_id: input.unitId,
      item_key: input.itemKey,
      office_id: row.office_id,
      result: input.result,
      notes: input.notes,
      points: input.points,
      photos: input.photos,
      updated_by: actorId(ctx),
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['inspection_id', 'unit_id', 'item_key']).doUpdateSet({
        result: input.result,
        notes: input.notes,
        points: input.points,
        photos: input.photos,
        updated_by: actorId(ctx),
        updated_at: now,
      }),
    )
    .execute();
  if (row.status === 'planned')
    await ctx.db.updateTable('inspections').set({ status: 'in_progress' }).where('id', '=', row.id).execute();
  return get(ctx, row.id);
}

export async function addFinding(ctx: AuthedContext, input: z.output<typeof ZAddFinding>) {
  const row = await editable(ctx, input.inspectionId, input.unitId);
  const target = await ctx.db
    .selectFrom('units')
    .select('office_id')
    .where('id', '=', input.unitId)
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('findings')
    .values({
      inspection_id: row.id,
      office_id: target.office_id,
      unit_id: input.unitId,
      item_key: input.itemKey ?? null,
      severity: input.severity,
      description: input.description,
      created_by: actorId(ctx),
      created_at: ctx.clock.now(),
    })
    .execute();
  return get(ctx, row.id);
}

/** Completing an unannounced inspection is when the unit first learns of it. */
export async function complete(ctx: AuthedContext, id: string) {
  const { row } = await readable(ctx, id);
  ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Inspection', row));
  if (row.status === 'completed')
    throw new AppError('CONFLICT', { message: 'the inspection is already completed' });
  await withTx(ctx.db, async (trx) => {
    await trx
      .updateTable('inspections')
      .set({ status: 'completed', completed_at: ctx.clock.now() })
      .where('id', '=', id)
      .execute();
    const targets = await trx
      .updateTable('inspection_targets')
      .set({ visible_to_unit: true })
      .where('inspection_id', '=', id)
      .returning('unit_id')
      .execute();
    for (const t of targets)
      await notify(trx, {
        unitId: t.unit_id,
        kind: 'inspection',
        message: messages.inspectionResults(row.title, row.kind === 'unannounced'),
        link: `/portal/inspections/${id}`,
        at: ctx.clock.now(),
      });
    await recordAudit(trx, ctx, {
      entity: 'inspection',
      entityId: id,
      action: 'complete',
      officeId: row.office_id,
    });
  });
  return get(ctx, id);
}
