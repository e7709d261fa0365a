import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const clock = fixedClock('2027-03-01T02:00:00Z');
const as = async (who: keyof Fixture['users']) => callerAs(t.db, f.users[who], { clock });

async function indicatorId(code: string) {
  const row = await t.db
    .selectFrom('framework_indicators')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('tasks', () => {
  it('creates a task linked to indicators of the campaign’s framework, with responsible leader and department', async () => {
    const admin = await as('unit1Admin');
    const task = await admin.task.create({
      campaignId: f.campaigns.U1,
      title: '建立文明创建台账',
      indicatorIds: [await indicatorId('A1'), await indicatorId('A2')],
      responsibleLeader: '张局长',
      departmentId: f.departments.A,
      deadline: '2027-02-28',
    });
    expect(task).toMatchObject({ status: 'todo', departmentName: '科室A', overdue: true, version: 1 });
    expect(task.indicators.map((i) => i.code)).toEqual(['A1', 'A2']);
  });

  it('refuses an indicator outside the framework and a department of another unit', async () => {
    const admin = await as('unit1Admin');
    const foreign = await t.db
      .insertInto('frameworks')
      .values({
        code: 'OTHER',
        version: 1,
        name_zh: 'x',
        name_en: 'x',
        level: 'city',
        applies_to: ['unit'],
        total_points: 1,
        content: '{}',
        content_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const category = await t.db
      .insertInto('framework_categories')
      .values({ framework_id: foreign.id, position: 0, code: 'Z', name_zh: 'Z', name_en: 'Z', points: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stray = await t.db
      .insertInto('framework_indicators')
      .values({
        framework_id: foreign.id,
        category_id: category.id,
        position: 0,
        code: 'Z1',
        name_zh: 'Z1',
        name_en: 'Z1',
        points: 1,
        veto: false,
        method_zh: '',
        evidence: [],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(
      await failure(admin.task.create({ campaignId: f.campaigns.U1, title: 'x', indicatorIds: [stray.id] })),
    ).toEqual({
      code: 'BAD_REQUEST',
      appCode: 'INDICATOR_NOT_IN_FRAMEWORK',
    });
    expect(
      await failure(
        admin.task.create({ campaignId: f.campaigns.U1, title: 'x', departmentId: f.departments.U4A }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      appCode: 'DEPARTMENT_NOT_IN_UNIT',
    });
  });

  it('lets a department head report progress on the department’s tasks only', async () => {
    const head = await as('unit1HeadA');
    const own = await head.task.update({
      id: f.tasks.U1A,
      version: 1,
      status: 'done',
      progressNote: '已完成，材料已归档',
    });
    expect(own).toMatchObject({ status: 'done', progressNote: '已完成，材料已归档', version: 2 });
    expect(own.completedAt).not.toBeNull();
    expect((await failure(head.task.update({ id: f.tasks.U1B, version: 1, status: 'done' }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await failure(head.task.update({ id: f.tasks.U1A, version: 2, deadline: '2030-01-01' }))).code,
    ).toBe('FORBIDDEN');
    // …and still sees every task of the unit.
    expect((await head.task.list({ campaignId: f.campaigns.U1 })).items).toHaveLength(2);
  });

  it('makes the loser of two edits from the same version get CONFLICT; the winner’s change stays', async () => {
    const admin = await as('unit1Admin');
    const head = await as('unit1HeadA');
    await head.task.update({ id: f.tasks.U1A, version: 1, progressNote: '科室填写' });
    expect(
      await failure(admin.task.update({ id: f.tasks.U1A, version: 1, progressNote: '创建办覆盖' })),
    ).toEqual({
      code: 'CONFLICT',
      appCode: 'STALE_VERSION',
    });
    expect((await admin.task.get({ id: f.tasks.U1A })).progressNote).toBe('科室填写');
  });

  it('filters by department, status, indicator and overdue, and assigns in bulk', async () => {
    const admin = await as('unit1Admin');
    await admin.task.generate({ campaignId: f.campaigns.U1, deadline: '2027-02-01' });
    const all = await admin.task.list({ campaignId: f.campaigns.U1 });
    expect(all.items).toHaveLength(5);
    expect((await admin.task.list({ campaignId: f.campaigns.U1, overdue: true })).items).toHaveLength(3);
    expect(
      (await admin.task.list({ campaignId: f.campaigns.U1, indicatorId: await indicatorId('B1') })).items.map(
        (x) => x.title,
      ),
    ).toEqual(['B1 安全生产']);
    const generated = all.items.filter((x) => x.indicators.length > 0).map((x) => x.id);
    expect(
      await admin.task.bulkAssign({
        ids: generated,
        departmentId: f.departments.B,
        responsibleLeader: '李副局长',
        deadline: '2027-09-30',
      }),
    ).toEqual({
      updated: 3,
    });
    expect(
      (await admin.task.list({ campaignId: f.campaigns.U1, departmentId: f.departments.B })).items,
    ).toHaveLength(4);
    expect((await admin.task.list({ campaignId: f.campaigns.U1, overdue: true })).items).toEqual([]);
    expect(
      (await admin.task.list({ campaignId: f.campaigns.U1, status: 'todo', limit: 2 })).nextCursor,
    ).not.toBeNull();
  });

  it('rolls completion up by indicator, category, department and campaign, gaps included', async () => {
    const admin = await as('unit1Admin');
    await admin.task.generate({ campaignId: f.campaigns.U1, deadline: '2027-02-01' });
    const a1 = (await admin.task.list({ campaignId: f.campaigns.U1, indicatorId: await indicatorId('A1') }))
      .items[0]!;
    await admin.task.update({ id: a1.id, version: a1.version, status: 'done' });
    const rollup = await admin.campaign.rollup({ id: f.campaigns.U1 });
    expect(rollup.campaign).toEqual({ tasks: 5, done: 1, inProgress: 0, overdue: 2 });
    expect(rollup.byIndicator.map((r) => [r.key, r.tasks, r.done, r.overdue])).toEqual([
      ['A1', 1, 1, 0],
      ['A2', 1, 0, 1],
      ['B1', 1, 0, 1],
    ]);
    expect(rollup.byCategory.map((r) => [r.key, r.tasks, r.done])).toEqual([
      ['A', 2, 1],
      ['B', 1, 0],
    ]);
    expect(rollup.byDepartment.map((r) => [r.label, r.tasks])).toEqual([
      ['科室A', 1],
      ['科室B', 1],
      ['', 3],
    ]);
  });
});
