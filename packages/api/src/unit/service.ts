import { ForbiddenError, subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { type UnitRow, withTx } from '@wenming/db';
import type { TStatusHistory, TUnit, TUnitPage, ZCreateUnit, ZListUnits, ZUpdateUnit } from '@wenming/domain';
import type { z } from 'zod';
import { diff, recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import * as offices from '../office/repository';
import { decodeCursor, pageOf } from '../pagination';
import { inspectionTitles } from '../status/links';
import * as repo from './repository';

export async function list(ctx: AuthedContext, input: z.output<typeof ZListUnits>): Promise<TUnitPage> {
  const after = input.cursor
    ? (decodeCursor(input.cursor, 2) as [string | number | null, string])
    : undefined;
  const rows = await repo.listUnits(ctx.db, ctx.ability, { ...input, after });
  return pageOf(
    rows,
    input.limit,
    (r) => ({
      id: r.id,
      officeId: r.office_id,
      officeName: r.office_name,
      code: r.code,
      name: r.name,
      type: r.type,
      level: r.status_level,
      termStartYear: r.term_start_year,
      termEndYear: r.term_end_year,
      updatedAt: r.updated_at.toISOString(),
    }),
    (r) => [r.sort_key, r.id],
  );
}

/** A unit the caller may read, or NOT_FOUND: units outside one's scope do not exist for them. */
async function readableUnit(ctx: AuthedContext, id: string, forUpdate = false) {
  const row = await repo.findUnit(ctx.db, id, { forUpdate });
  if (!row || !ctx.ability.can('read', subject('Unit', row))) {
    throw new AppError('NOT_FOUND', { message: 'unit not found', params: { entity: 'unit' } });
  }
  return row;
}

export async function get(ctx: AuthedContext, id: string): Promise<TUnit> {
  const row = await readableUnit(ctx, id);
  const departments = await repo.listDepartments(ctx.db, id);
  return toUnit(ctx, row, departments);
}

function toUnit(
  ctx: AuthedContext,
  row: UnitRow & { office_name: string },
  departments: { id: string; name: string }[],
): TUnit {
  const personal = ctx.ability.can('read', subject('Unit', row), 'contact_phone');
  return {
    id: row.id,
    officeId: row.office_id,
    officeName: row.office_name,
    code: row.code,
    name: row.name,
    type: row.type,
    level: row.status_level,
    termStartYear: row.term_start_year,
    termEndYear: row.term_end_year,
    updatedAt: row.updated_at.toISOString(),
    address: row.address,
    contactName: personal ? row.contact_name : null,
    contactPhone: personal ? row.contact_phone : null,
    decisionNo: row.decision_no,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
  };
}

export async function create(ctx: AuthedContext, input: z.output<typeof ZCreateUnit>): Promise<TUnit> {
  const office = await offices.findOffice(ctx.db, input.officeId);
  if (!office || !ctx.ability.can('read', subject('Office', office))) {
    throw new AppError('NOT_FOUND', { message: 'office not found', params: { entity: 'office' } });
  }
  ForbiddenError.from(ctx.ability).throwUnlessCan('create', subject('Unit', { office_id: office.id }));
  const id = await withTx(ctx.db, async (trx) => {
    const taken = await trx
      .selectFrom('units')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (taken) {
      throw new AppError('UNIT_CODE_TAKEN', {
        message: `unit code ${input.code} is already used`,
        fields: { code: 'already used' },
        params: { code: input.code },
      });
    }
    const unit = await repo.insertUnit(trx, {
      office_id: office.id,
      code: input.code,
      name: input.name,
      type: input.type,
      address: input.address ?? null,
      contact_name: input.contactName ?? null,
      contact_phone: input.contactPhone ?? null,
    });
    await repo.insertDepartments(trx, unit, input.departments ?? []);
    await trx
      .insertInto('status_records')
      .values({
        office_id: office.id,
        unit_id: unit.id,
        action: 'initial',
        level: 'none',
        recorded_by: actorId(ctx),
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'unit',
      entityId: unit.id,
      action: 'create',
      officeId: office.id,
      unitId: unit.id,
      after: { code: input.code, name: input.name, type: input.type },
    });
    return unit.id;
  });
  return get(ctx, id);
}

export async function update(ctx: AuthedContext, input: z.output<typeof ZUpdateUnit>): Promise<TUnit> {
  await withTx(ctx.db, async (trx) => {
    const row = await readableUnit({ ...ctx, db: trx }, input.id, true);
    ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Unit', row));
    if (row.version !== input.version) {
      throw new AppError('STALE_VERSION', {
        message: 'this unit was changed by someone else; reload and try again',
        params: { current: row.version, yours: input.version },
      });
    }
    const changes = {
      name: input.name,
      type: input.type,
      address: input.address,
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
    };
    const updated = await repo.updateUnit(trx, row.id, row.version, {
      ...changes,
      updated_at: ctx.clock.now(),
    });
    if (!updated) throw new AppError('STALE_VERSION', { message: 'this unit was changed by someone else' });
    await repo.insertDepartments(trx, row, input.addDepartments ?? []);
    const { before, after } = diff(row as unknown as Record<string, unknown>, changes);
    await recordAudit(trx, ctx, {
      entity: 'unit',
      entityId: row.id,
      action: 'update',
      officeId: row.office_id,
      unitId: row.id,
      before,
      after: { ...after, ...(input.addDepartments?.length ? { addDepartments: input.addDepartments } : {}) },
    });
  });
  return get(ctx, input.id);
}

export async function statusHistory(ctx: AuthedContext, id: string): Promise<TStatusHistory> {
  await readableUnit(ctx, id);
  const rows = await repo.listStatusRecords(ctx.db, ctx.ability, id);
  const titles = await inspectionTitles(
    ctx,
    rows.map((r) => r.inspection_id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      action: r.action,
      level: r.level,
      termStartYear: r.term_start_year,
      termEndYear: r.term_end_year,
      decisionNo: r.decision_no,
      decidedOn: r.decided_on,
      reason: r.reason,
      deadline: r.deadline,
      inspection:
        r.inspection_id && titles.has(r.inspection_id)
          ? { id: r.inspection_id, title: titles.get(r.inspection_id)! }
          : null,
      recordedAt: r.recorded_at.toISOString(),
    })),
  };
}
