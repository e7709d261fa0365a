import { ForbiddenError, subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import { AppError, todayInChina } from '@wenming/core';
import { type Db, withTx } from '@wenming/db';
import {
  reportPeriods,
  reportStatus,
  type TReportDue,
  type ZFileReport,
  type ZListDueReports,
} from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import { type AuthedContext, actorId } from '../context';
import { create as createEvidence } from '../ledger/service';
import { runningCampaign } from '../notice/scope';

/** Every (schedule, unit) pair a query may see, with what has been filed. */
export async function owed(
  db: Db,
  where: { ability?: AuthedContext['ability']; unitId?: string; scheduleId?: string },
  today: string,
): Promise<TReportDue[]> {
  let pairs = db
    .selectFrom('report_schedule_units as su')
    .innerJoin('report_schedules as s', 's.id', 'su.schedule_id')
    .innerJoin('units as u', 'u.id', 'su.unit_id')
    .select(['s.id', 's.title', 's.period', 's.due_day', 's.starts_on', 'su.unit_id', 'u.name as unit_name'])
    .where('s.active', '=', true);
  if (where.ability) pairs = pairs.where(accessibleWhere(where.ability, 'read', 'Report', 'su'));
  if (where.unitId) pairs = pairs.where('su.unit_id', '=', where.unitId);
  if (where.scheduleId) pairs = pairs.where('su.schedule_id', '=', where.scheduleId);
  const rows = await pairs.orderBy('s.created_at').orderBy('u.name').limit(5000).execute();
  if (rows.length === 0) return [];
  const filed = await db
    .selectFrom('reports')
    .select(['id', 'schedule_id', 'unit_id', 'period_key', 'filed_at'])
    .where('schedule_id', 'in', [...new Set(rows.map((r) => r.id))])
    .$if(where.unitId !== undefined, (q) => q.where('unit_id', '=', where.unitId!))
    .execute();
  const byKey = new Map(filed.map((f) => [`${f.schedule_id}/${f.unit_id}/${f.period_key}`, f]));
  return rows.flatMap((r) =>
    reportPeriods(r.period, r.starts_on, r.due_day, today).map((p) => {
      const report = byKey.get(`${r.id}/${r.unit_id}/${p.key}`);
      return {
        scheduleId: r.id,
        scheduleTitle: r.title,
        unitId: r.unit_id,
        unitName: r.unit_name,
        periodKey: p.key,
        periodStart: p.start,
        periodEnd: p.end,
        dueOn: p.dueOn,
        status: reportStatus(p.dueOn, report !== undefined, today),
        reportId: report?.id ?? null,
        filedAt: report ? report.filed_at.toISOString() : null,
      };
    }),
  );
}

/** Overdue first, then by due date. */
export async function dueList(ctx: AuthedContext, input: z.output<typeof ZListDueReports>) {
  const items = await owed(
    ctx.db,
    { ability: ctx.ability, unitId: input.unitId, scheduleId: input.scheduleId },
    todayInChina(ctx.clock.now()),
  );
  const rank = { overdue: 0, due: 1, filed: 2 } as const;
  return {
    items: items
      .filter((i) => !input.status || i.status === input.status)
      .sort(
        (a, b) =>
          rank[a.status] - rank[b.status] ||
          a.dueOn.localeCompare(b.dueOn) ||
          a.unitName.localeCompare(b.unitName),
      )
      .slice(0, 2000),
  };
}

export async function get(ctx: AuthedContext, id: string) {
  const r = await ctx.db
    .selectFrom('reports as r')
    .innerJoin('report_schedules as s', 's.id', 'r.schedule_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('users as f', 'f.id', 'r.filed_by')
    .selectAll('r')
    .select(['s.title as schedule_title', 'u.name as unit_name', 'f.display_name as filed_by_name'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r || !ctx.ability.can('read', subject('Report', r)))
    throw new AppError('NOT_FOUND', { message: 'report not found', params: { entity: 'report' } });
  return {
    id: r.id,
    scheduleId: r.schedule_id,
    scheduleTitle: r.schedule_title,
    unitId: r.unit_id,
    unitName: r.unit_name,
    periodKey: r.period_key,
    dueOn: r.due_on,
    title: r.title,
    body: r.body,
    evidenceIds: r.evidence_ids,
    ledgerEvidenceId: r.ledger_evidence_id,
    filedAt: r.filed_at.toISOString(),
    filedByName: r.filed_by_name,
    late: todayInChina(r.filed_at) > r.due_on,
  };
}

/**
 * The campaign office files the report for one period. It goes into the ledger too (a
 * `summary` item in the running campaign, through the ledger so its hash chain holds).
 */
export async function file(ctx: AuthedContext, input: z.output<typeof ZFileReport>) {
  const pair = await ctx.db
    .selectFrom('report_schedule_units as su')
    .innerJoin('report_schedules as s', 's.id', 'su.schedule_id')
    .select(['su.office_id', 'su.unit_id', 's.id', 's.period', 's.starts_on', 's.due_day', 's.active'])
    .where('su.schedule_id', '=', input.scheduleId)
    .where('su.unit_id', '=', input.unitId)
    .executeTakeFirst();
  if (!pair || !ctx.ability.can('read', subject('Report', pair)))
    throw new AppError('NOT_FOUND', { message: 'report schedule not found', params: { entity: 'schedule' } });
  ForbiddenError.from(ctx.ability).throwUnlessCan('create', subject('Report', pair));
  const today = todayInChina(ctx.clock.now());
  const period = reportPeriods(pair.period, pair.starts_on, pair.due_day, today).find(
    (p) => p.key === input.periodKey,
  );
  if (!pair.active || !period)
    throw new AppError('REPORT_NOT_DUE', {
      message: pair.active ? 'no report is asked for this period' : 'this schedule was stopped',
      fields: { periodKey: 'not asked for' },
    });
  if (input.evidenceIds.length) {
    const found = await ctx.db
      .selectFrom('evidence_items')
      .select(['id', 'office_id', 'unit_id'])
      .where('id', 'in', input.evidenceIds)
      .where('unit_id', '=', pair.unit_id)
      .execute();
    if (
      found.length !== new Set(input.evidenceIds).size ||
      found.some((e) => !ctx.ability.can('read', subject('Evidence', e)))
    )
      throw new AppError('BAD_REQUEST', {
        message: 'an evidence item was not found in this unit’s ledger',
        fields: { evidenceIds: 'unknown' },
      });
  }
  const campaign = await runningCampaign(ctx, pair.unit_id);
  const id = await withTx(ctx.db, async (trx) => {
    const exists = await trx
      .selectFrom('reports')
      .select('id')
      .where('schedule_id', '=', pair.id)
      .where('unit_id', '=', pair.unit_id)
      .where('period_key', '=', period.key)
      .executeTakeFirst();
    if (exists)
      throw new AppError('REPORT_ALREADY_FILED', {
        message: 'the report for this period has already been filed',
        params: { reportId: exists.id },
      });
    const evidence = campaign
      ? await createEvidence(
          { ...ctx, db: trx },
          {
            campaignId: campaign.id,
            kind: 'summary',
            title: input.title,
            description: input.body,
            eventDate: today,
            departmentId: null,
            keeper: null,
            participants: null,
            place: null,
            indicators: [],
            taskIds: [],
            attachments: [],
          },
        )
      : null;
    const row = await trx
      .insertInto('reports')
      .values({
        schedule_id: pair.id,
        office_id: pair.office_id,
        unit_id: pair.unit_id,
        period_key: period.key,
        due_on: period.dueOn,
        title: input.title,
        body: input.body,
        evidence_ids: [...new Set(input.evidenceIds)],
        ledger_evidence_id: evidence?.id ?? null,
        filed_by: actorId(ctx),
        filed_at: ctx.clock.now(),
      })
      // Two people filing at once: the second learns it was filed (and its ledger item is undone).
      .onConflict((oc) => oc.columns(['schedule_id', 'unit_id', 'period_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row)
      throw new AppError('REPORT_ALREADY_FILED', {
        message: 'the report for this period has already been filed',
      });
    await recordAudit(trx, ctx, {
      entity: 'report',
      entityId: row.id,
      action: 'file',
      officeId: pair.office_id,
      unitId: pair.unit_id,
      after: { periodKey: period.key, late: today > period.dueOn },
    });
    return row.id;
  });
  return get(ctx, id);
}
