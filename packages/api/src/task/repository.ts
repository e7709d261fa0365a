import type { AppAbility } from '@wenming/authz';
import { accessibleWhere } from '@wenming/authz/sql';
import type { Db, Tx } from '@wenming/db';
import { sql } from 'kysely';
import { containsPattern } from '../text-search';

export interface TaskListQuery {
  campaignId?: string | undefined;
  departmentId?: string | undefined;
  indicatorId?: string | undefined;
  status?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  after?: [string | null, string] | undefined;
  limit: number;
}

const taskColumns = [
  't.id',
  't.office_id',
  't.unit_id',
  't.campaign_id',
  't.title',
  't.description',
  't.responsible_leader',
  't.department_id',
  't.deadline',
  't.status',
  't.required',
  't.progress_note',
  't.completed_at',
  't.version',
  't.updated_at',
  'd.name as department_name',
] as const;

/** Ordered by deadline (none last), then id: what is due first comes first. */
export async function listTasks(db: Db, ability: AppAbility, today: string, query: TaskListQuery) {
  let q = db
    .selectFrom('tasks as t')
    .leftJoin('departments as d', 'd.id', 't.department_id')
    .select(taskColumns)
    .select(sql<string>`coalesce(t.deadline::text, '9999-12-31')`.as('deadline_key'))
    .where(accessibleWhere(ability, 'read', 'Task', 't'));
  if (query.campaignId) q = q.where('t.campaign_id', '=', query.campaignId);
  if (query.departmentId) q = q.where('t.department_id', '=', query.departmentId);
  if (query.status) q = q.where('t.status', '=', query.status as never);
  if (query.indicatorId) {
    const indicatorId = query.indicatorId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('task_indicators as ti')
          .select('ti.task_id')
          .whereRef('ti.task_id', '=', 't.id')
          .where('ti.indicator_id', '=', indicatorId),
      ),
    );
  }
  if (query.overdue !== undefined) {
    q = query.overdue
      ? q.where('t.status', '<>', 'done').where(sql<boolean>`t.deadline < ${today}::date`)
      : q.where((eb) =>
          eb.or([
            eb('t.status', '=', 'done'),
            eb('t.deadline', 'is', null),
            sql<boolean>`t.deadline >= ${today}::date`,
          ]),
        );
  }
  if (query.q) q = q.where('t.title', 'ilike', containsPattern(query.q));
  if (query.after) {
    q = q.where(
      sql<boolean>`(coalesce(t.deadline::text, '9999-12-31'), t.id) > (${query.after[0]}, ${query.after[1]}::uuid)`,
    );
  }
  return q
    .orderBy(sql`coalesce(t.deadline::text, '9999-12-31')`)
    .orderBy('t.id')
    .limit(query.limit + 1)
    .execute();
}

export async function findTask(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('tasks as t')
    .leftJoin('departments as d', 'd.id', 't.department_id')
    .select(taskColumns)
    .where('t.id', '=', id);
  // Not `for update`: evidence linked to the task meanwhile only takes a key share lock.
  if (opts.forUpdate) q = q.forNoKeyUpdate('t');
  return q.executeTakeFirst();
}

export async function indicatorsOf(db: Db, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('task_indicators as ti')
    .innerJoin('framework_indicators as i', 'i.id', 'ti.indicator_id')
    .select(['ti.task_id', 'i.id', 'i.code', 'i.name_zh'])
    .where('ti.task_id', 'in', taskIds)
    .orderBy('i.position')
    .execute();
}

/** Which of `ids` belong to the framework: a task may only cite its campaign's indicators. */
export async function indicatorsInFramework(db: Db, frameworkId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('framework_indicators')
    .select(['id', 'code', 'name_zh'])
    .where('framework_id', '=', frameworkId)
    .where('id', 'in', ids)
    .execute();
}

export async function setIndicators(
  trx: Tx,
  task: { id: string; office_id: string; unit_id: string },
  indicatorIds: string[],
) {
  await trx.deleteFrom('task_indicators').where('task_id', '=', task.id).execute();
  if (indicatorIds.length === 0) return;
  await trx
    .insertInto('task_indicators')
    .values(
      indicatorIds.map((indicator_id) => ({
        task_id: task.id,
        indicator_id,
        office_id: task.office_id,
        unit_id: task.unit_id,
      })),
    )
    .execute();
}
