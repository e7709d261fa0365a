import { ForbiddenError, subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { type Db, withTx } from '@wenming/db';
import type {
  TTask,
  ZBulkAssignTasks,
  ZCreateTask,
  ZGenerateTasks,
  ZListTasks,
  ZUpdateTask,
} from '@wenming/domain';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository';
import * as campaigns from '../campaign/repository';
import { assertOpen, readable as readableCampaign, today } from '../campaign/service';
import type { AuthedContext } from '../context';
import { decodeCursor, pageOf } from '../pagination';
import * as units from '../unit/repository';
import * as repo from './repository';

type TaskRow = NonNullable<Awaited<ReturnType<typeof repo.findTask>>> & { deadline_key?: string };

async function toTasks(db: Db, rows: TaskRow[], todayDate: string): Promise<TTask[]> {
  const links = await repo.indicatorsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    campaignId: r.campaign_id,
    unitId: r.unit_id,
    title: r.title,
    description: r.description,
    indicators: links
      .filter((l) => l.task_id === r.id)
      .map((l) => ({ id: l.id, code: l.code, name: l.name_zh })),
    responsibleLeader: r.responsible_leader,
    departmentId: r.department_id,
    departmentName: r.department_name,
    deadline: r.deadline,
    status: r.status,
    required: r.required,
    progressNote: r.progress_note,
    overdue: r.status !== 'done' && r.deadline !== null && r.deadline < todayDate,
    completedAt: r.completed_at ? r.completed_at.toISOString() : null,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  }));
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListTasks>) {
  const after = input.cursor ? (decodeCursor(input.cursor, 2) as [string, string]) : undefined;
  const rows = await repo.listTasks(ctx.db, ctx.ability, today(ctx), { ...input, after });
  const page = pageOf(
    rows,
    input.limit,
    (r) => r,
    (r) => [r.deadline_key, r.id],
  );
  return { items: await toTasks(ctx.db, page.items, today(ctx)), nextCursor: page.nextCursor };
}

async function readableTask(ctx: AuthedContext, id: string, forUpdate = false) {
  const row = await repo.findTask(ctx.db, id, { forUpdate });
  if (!row || !ctx.ability.can('read', subject('Task', row))) {
    throw new AppError('NOT_FOUND', { message: 'task not found', params: { entity: 'task' } });
  }
  return row;
}

export async function get(ctx: AuthedContext, id: string): Promise<TTask> {
  const [task] = await toTasks(ctx.db, [await readableTask(ctx, id)], today(ctx));
  return task!;
}

async function checkIndicators(db: Db, frameworkId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await repo.indicatorsInFramework(db, frameworkId, unique);
  if (found.length !== unique.length) {
    throw new AppError('INDICATOR_NOT_IN_FRAMEWORK', {
      message: "an indicator is not part of this campaign's framework",
      fields: { indicatorIds: "not in this campaign's framework" },
    });
  }
  return unique;
}

async function checkDepartment(db: Db, unitId: string, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const departments = await units.listDepartments(db, unitId);
  if (!departments.some((d) => d.id === departmentId)) {
    throw new AppError('DEPARTMENT_NOT_IN_UNIT', {
      message: 'the department does not belong to this unit',
      fields: { departmentId: 'not a department of this unit' },
    });
  }
}

export async function create(ctx: AuthedContext, input: z.output<typeof ZCreateTask>): Promise<TTask> {
  const campaign = await readableCampaign(ctx, input.campaignId);
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'create',
    subject('Task', { office_id: campaign.office_id, unit_id: campaign.unit_id }),
  );
  assertOpen(campaign);
  const indicatorIds = await checkIndicators(ctx.db, campaign.framework_id, input.indicatorIds);
  await checkDepartment(ctx.db, campaign.unit_id, input.departmentId);
  const id = await withTx(ctx.db, async (trx) => {
    const task = await trx
      .insertInto('tasks')
      .values({
        office_id: campaign.office_id,
        unit_id: campaign.unit_id,
        campaign_id: campaign.id,
        title: input.title,
        description: input.description ?? '',
        responsible_leader: input.responsibleLeader ?? null,
        department_id: input.departmentId ?? null,
        deadline: input.deadline ?? null,
        required: input.required,
        updated_at: ctx.clock.now(),
      })
      .returning(['id', 'office_id', 'unit_id'])
      .executeTakeFirstOrThrow();
    await repo.setIndicators(trx, task, indicatorIds);
    await recordAudit(trx, ctx, {
      entity: 'task',
      entityId: task.id,
      action: 'create',
      officeId: task.office_id,
      unitId: task.unit_id,
      after: { title: input.title },
    });
    return task.id;
  });
  return get(ctx, id);
}

const FIELD_OF = {
  title: 'title',
  description: 'description',
  indicatorIds: 'indicators',
  responsibleLeader: 'responsible_leader',
  departmentId: 'department_id',
  deadline: 'deadline',
  status: 'status',
  required: 'required',
  progressNote: 'progress_note',
} as const;

export async function update(ctx: AuthedContext, input: z.output<typeof ZUpdateTask>): Promise<TTask> {
  await withTx(ctx.db, async (trx) => {
    const row = await readableTask({ ...ctx, db: trx }, input.id, true);
    for (const [key, field] of Object.entries(FIELD_OF)) {
      if (input[key as keyof typeof FIELD_OF] !== undefined) {
        ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Task', row), field);
      }
    }
    const campaign = (await campaigns.lockCampaign(trx, row.campaign_id))!;
    assertOpen(campaign);
    // The loser of two concurrent edits gets CONFLICT; nobody's change is silently lost.
    if (row.version !== input.version) {
      throw new AppError('STALE_VERSION', {
        message: 'this task was changed by someone else; reload and try again',
        params: { current: row.version, yours: input.version },
      });
    }
    if (input.indicatorIds)
      await repo.setIndicators(
        trx,
        row,
        await checkIndicators(trx, campaign.framework_id, input.indicatorIds),
      );
    await checkDepartment(trx, row.unit_id, input.departmentId);
    const now = ctx.clock.now();
    const status = input.status ?? row.status;
    await trx
      .updateTable('tasks')
      .set({
        title: input.title,
        description: input.description,
        responsible_leader: input.responsibleLeader,
        department_id: input.departmentId,
        deadline: input.deadline,
        status: input.status,
        required: input.required,
        progress_note: input.progressNote,
        completed_at: status === 'done' ? (row.completed_at ?? now) : null,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'task',
      entityId: row.id,
      action: 'update',
      officeId: row.office_id,
      unitId: row.unit_id,
      before: { status: row.status },
      after: Object.fromEntries(
        Object.entries(input).filter(([k, v]) => v !== undefined && k !== 'id' && k !== 'version'),
      ),
    });
  });
  return get(ctx, input.id);
}

/** One task per indicator of the framework that has none yet: the usual start of 任务分解. */
export async function generate(ctx: AuthedContext, input: z.output<typeof ZGenerateTasks>) {
  const campaign = await readableCampaign(ctx, input.campaignId);
  ForbiddenError.from(ctx.ability).throwUnlessCan(
    'create',
    subject('Task', { office_id: campaign.office_id, unit_id: campaign.unit_id }),
  );
  assertOpen(campaign);
  return withTx(ctx.db, async (trx) => {
    await campaigns.lockCampaign(trx, campaign.id);
    const indicators = await trx
      .selectFrom('framework_indicators as i')
      .select(['i.id', 'i.code', 'i.name_zh', 'i.evidence'])
      .where('i.framework_id', '=', campaign.framework_id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('task_indicators as ti')
              .innerJoin('tasks as t', 't.id', 'ti.task_id')
              .select('ti.task_id')
              .whereRef('ti.indicator_id', '=', 'i.id')
              .where('t.campaign_id', '=', campaign.id),
          ),
        ),
      )
      .orderBy('i.position')
      .execute();
    const total = await trx
      .selectFrom('framework_indicators')
      .select(trx.fn.countAll<number>().as('n'))
      .where('framework_id', '=', campaign.framework_id)
      .executeTakeFirstOrThrow();
    const now = ctx.clock.now();
    for (const indicator of indicators) {
      const task = await trx
        .insertInto('tasks')
        .values({
          office_id: campaign.office_id,
          unit_id: campaign.unit_id,
          campaign_id: campaign.id,
          title: `${indicator.code} ${indicator.name_zh}`,
          description: indicator.evidence.length ? `台账材料：${indicator.evidence.join('；')}` : '',
          deadline: input.deadline ?? null,
          updated_at: now,
        })
        .returning(['id', 'office_id', 'unit_id'])
        .executeTakeFirstOrThrow();
      await repo.setIndicators(trx, task, [indicator.id]);
    }
    await recordAudit(trx, ctx, {
      entity: 'campaign',
      entityId: campaign.id,
      action: 'generate_tasks',
      officeId: campaign.office_id,
      unitId: campaign.unit_id,
      after: { created: indicators.length },
    });
    return { created: indicators.length, skipped: Number(total.n) - indicators.length };
  });
}

export async function bulkAssign(ctx: AuthedContext, input: z.output<typeof ZBulkAssignTasks>) {
  return withTx(ctx.db, async (trx) => {
    const rows = await Promise.all(input.ids.map((id) => readableTask({ ...ctx, db: trx }, id, true)));
    const unitIds = new Set(rows.map((r) => r.unit_id));
    if (unitIds.size > 1)
      throw new AppError('BAD_REQUEST', {
        message: 'tasks of several units cannot be assigned together',
        fields: { ids: 'mixed units' },
      });
    for (const row of rows) {
      for (const [key, field] of [
        ['departmentId', 'department_id'],
        ['responsibleLeader', 'responsible_leader'],
        ['deadline', 'deadline'],
      ] as const) {
        if (input[key] !== undefined)
          ForbiddenError.from(ctx.ability).throwUnlessCan('update', subject('Task', row), field);
      }
      assertOpen((await campaigns.lockCampaign(trx, row.campaign_id))!);
    }
    await checkDepartment(trx, rows[0]!.unit_id, input.departmentId);
    await trx
      .updateTable('tasks')
      .set({
        department_id: input.departmentId,
        responsible_leader: input.responsibleLeader,
        deadline: input.deadline,
        version: (eb) => eb('version', '+', 1),
        updated_at: ctx.clock.now(),
      })
      .where('id', 'in', input.ids)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'task',
      entityId: input.ids.join(','),
      action: 'bulk_assign',
      officeId: rows[0]!.office_id,
      unitId: rows[0]!.unit_id,
      after: {
        count: input.ids.length,
        departmentId: input.departmentId,
        responsibleLeader: input.responsibleLeader,
        deadline: input.deadline,
      },
    });
    return { updated: rows.length };
  });
}
