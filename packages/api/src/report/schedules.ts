import { ForbiddenError, subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError } from '@wenming/core';
import { withTx } from '@wenming/db';
import type { ZCreateReportSchedule, ZListReportSchedules, ZSetScheduleActive } from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import { officeInScope, unitsUnder } from '../notice/scope';
import { officeSubtree } from '../office/repository';

const base = (ctx: AuthedContext) =>
  ctx.db
    .selectFrom('report_schedules as s')
    .innerJoin('offices as o', 'o.id', 's.office_id')
    .selectAll('s')
    .select((eb) => [
      'o.name as office_name',
      eb
        .selectFrom('report_schedule_units as su')
        .select(sql<number>`count(*)::int`.as('c'))
        .whereRef('su.schedule_id', '=', 's.id')
        .where(accessibleWhere(ctx.ability, 'read', 'Report', 'su'))
        .as('units'),
    ])
    // Visible to whoever sees one of the units it asks.
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('report_schedule_units as su')
          .select('su.unit_id')
          .whereRef('su.schedule_id', '=', 's.id')
          .where(accessibleWhere(ctx.ability, 'read', 'Report', 'su')),
      ),
    );

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirst']>>>;

const toSchedule = (r: Row) => ({
  id: r.id,
  officeId: r.office_id,
  officeName: r.office_name,
  title: r.title,
  period: r.period,
  dueDay: r.due_day,
  startsOn: r.starts_on,
  active: r.active,
  units: Number(r.units ?? 0),
  createdAt: r.created_at.toISOString(),
});

export async function readableSchedule(ctx: AuthedContext, id: string) {
  const row = await base(ctx).where('s.id', '=', id).executeTakeFirst();
  if (!row)
    throw new AppError('NOT_FOUND', { message: 'report schedule not found', params: { entity: 'schedule' } });
  return row;
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListReportSchedules>) {
  let q = base(ctx);
  if (input.officeId) q = q.where('s.office_id', '=', input.officeId);
  const rows = await q.orderBy('s.created_at', 'desc').limit(200).execute();
  return { items: rows.map(toSchedule) };
}

/** The office asks units in its subtree for a report every period; no units named: all of them. */
export async function create(ctx: AuthedContext, input: z.output<typeof ZCreateReportSchedule>) {
  const office = await officeInScope(ctx, input.officeId);
  ForbiddenError.from(ctx.ability).throwUnlessCan('review', subject('Report', { office_id: office.id }));
  const units = input.unitIds.length
    ? await unitsUnder(ctx, office.id, input.unitIds)
    : await ctx.db
        .selectFrom('units')
        .select(['id', 'office_id', 'name'])
        .where('office_id', 'in', officeSubtree(office.id))
        .where(accessibleWhere(ctx.ability, 'read', 'Unit'))
        .execute();
  if (units.length === 0)
    throw new AppError('BAD_REQUEST', {
      message: 'no unit to ask for reports',
      fields: { unitIds: 'empty' },
    });
  const id = await withTx(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('report_schedules')
      .values({
        office_id: office.id,
        title: input.title,
        period: input.period,
        due_day: input.dueDay,
        starts_on: input.startsOn,
        created_by: actorId(ctx),
        created_at: ctx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('report_schedule_units')
      .values(units.map((u) => ({ schedule_id: row.id, office_id: u.office_id, unit_id: u.id })))
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'report_schedule',
      entityId: row.id,
      action: 'create',
      officeId: office.id,
      after: { period: input.period, dueDay: input.dueDay, units: units.length },
    });
    return row.id;
  });
  return toSchedule(await readableSchedule(ctx, id));
}

/** A stopped schedule asks for nothing more; what was filed stays. */
export async function setActive(ctx: AuthedContext, input: z.output<typeof ZSetScheduleActive>) {
  const row = await readableSchedule(ctx, input.id);
  ForbiddenError.from(ctx.ability).throwUnlessCan('review', subject('Report', { office_id: row.office_id }));
  await withTx(ctx.db, async (trx) => {
    await trx
      .updateTable('report_schedules')
      .set({ active: input.active })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'report_schedule',
      entityId: row.id,
      action: input.active ? 'resume' : 'stop',
      officeId: row.office_id,
    });
  });
  return toSchedule(await readableSchedule(ctx, row.id));
}
