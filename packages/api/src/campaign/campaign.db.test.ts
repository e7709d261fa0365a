import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { type CallerOptions, callerAs, createFixture, type Fixture, failure } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
// The fixture's draft campaigns are closed so each test opens its own.
beforeEach(async () => {
  await t.db.updateTable('campaigns').set({ phase: 'withdrawn' }).execute();
});
const clock = fixedClock('2026-11-27T02:00:00Z');
const as = (who: keyof Fixture['users'], options: CallerOptions = {}) =>
  callerAs(t.db, f.users[who], { clock, ...options });
const opening = { kind: 'upgrade', targetLevel: 'county', termStartYear: 2027, termEndYear: 2029 } as const;

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return (error as { cause: { code: string; params: Record<string, unknown> } }).cause;
  }
  throw new Error('expected a failure');
}

describe('opening a campaign', () => {
  it('opens an upgrade to the next level with the framework the office published, in draft', async () => {
    const unitAdmin = await as('unit1Admin');
    const campaign = await unitAdmin.campaign.open({ unitId: f.units.U1, ...opening });
    expect(campaign).toMatchObject({
      phase: 'draft',
      fromLevel: 'none',
      targetLevel: 'county',
      framework: { code: 'FX-CITY' },
    });
    expect(campaign.transitions).toMatchObject([{ from: null, to: 'draft', actorName: 'u1.admin' }]);
    expect(campaign.nextSteps.map((s) => s.to)).toEqual(['mobilization', 'withdrawn']);
    expect(campaign.nextSteps[0]!.blockedBy).toEqual(['NEEDS_LEADING_GROUP', 'NEEDS_PLAN']);
  });

  it('keeps one open campaign per unit', async () => {
    const unitAdmin = await as('unit1Admin');
    await unitAdmin.campaign.open({ unitId: f.units.U1, ...opening });
    expect(await failure(unitAdmin.campaign.open({ unitId: f.units.U1, ...opening }))).toEqual({
      code: 'CONFLICT',
      appCode: 'CAMPAIGN_ALREADY_OPEN',
    });
  });

  it('refuses skipping a level, renewing nothing, or a framework nobody published, saying why', async () => {
    const admin = await as('cityAdmin');
    const skip = await errorOf(
      admin.campaign.open({ unitId: f.units.U2, ...opening, targetLevel: 'provincial' }),
    );
    expect(skip).toMatchObject({
      code: 'CAMPAIGN_NOT_OPENABLE',
      params: { problems: ['UPGRADE_NOT_NEXT_LEVEL'], allowed: ['county'] },
    });
    const renew = await errorOf(admin.campaign.open({ unitId: f.units.U2, ...opening, kind: 'renewal' }));
    expect(renew).toMatchObject({
      code: 'CAMPAIGN_NOT_OPENABLE',
      params: { problems: ['NOTHING_TO_RENEW'] },
    });
    await t.db.deleteFrom('framework_assignments').execute();
    expect((await errorOf(admin.campaign.open({ unitId: f.units.U2, ...opening }))).code).toBe(
      'FRAMEWORK_NOT_PUBLISHED',
    );
  });
});

describe('the campaign lifecycle', () => {
  it('takes a campaign from draft to assessment, each step guarded and recorded', async () => {
    const unitAdmin = await as('unit1Admin');
    let c = await unitAdmin.campaign.open({ unitId: f.units.U1, ...opening });
    const blocked = await errorOf(unitAdmin.campaign.transition({ id: c.id, to: 'mobilization' }));
    expect(blocked).toMatchObject({
      code: 'TRANSITION_BLOCKED',
      params: { blockedBy: ['NEEDS_LEADING_GROUP', 'NEEDS_PLAN'] },
    });

    c = await unitAdmin.campaign.setLeadingGroup({
      id: c.id,
      version: c.version,
      members: [
        { role: 'leader', name: '张局长', title: '局长' },
        { role: 'deputy', name: '李副局长', title: '副局长', departmentId: f.departments.A },
        { role: 'contact', name: '王干事', phone: '0571-88886666' },
      ],
    });
    c = await unitAdmin.campaign.updatePlans({
      id: c.id,
      version: c.version,
      plan: '2027—2029年创建规划：……',
    });
    c = await unitAdmin.campaign.transition({ id: c.id, to: 'mobilization', comment: '召开动员大会' });
    expect(c.phase).toBe('mobilization');

    expect(
      (await errorOf(unitAdmin.campaign.transition({ id: c.id, to: 'implementation' }))).params.blockedBy,
    ).toEqual(['NEEDS_IMPLEMENTATION_PLAN', 'NEEDS_TASKS']);
    expect(await unitAdmin.task.generate({ campaignId: c.id, deadline: '2027-06-30' })).toEqual({
      created: 3,
      skipped: 0,
    });
    expect(await unitAdmin.task.generate({ campaignId: c.id })).toEqual({ created: 0, skipped: 3 });
    c = await unitAdmin.campaign.updatePlans({
      id: c.id,
      version: c.version,
      implementationPlan: '实施方案：任务分解到科室',
    });
    c = await unitAdmin.campaign.transition({ id: c.id, to: 'implementation' });
    c = await unitAdmin.campaign.transition({ id: c.id, to: 'consolidation' });

    const open = await errorOf(unitAdmin.campaign.transition({ id: c.id, to: 'submitted' }));
    expect(open.params.blockedBy).toEqual(['REQUIRED_TASKS_OPEN']);
    for (const task of (await unitAdmin.task.list({ campaignId: c.id })).items) {
      await unitAdmin.task.update({ id: task.id, version: task.version, status: 'done' });
    }
    c = await unitAdmin.campaign.transition({ id: c.id, to: 'submitted' });

    // Accepting the application is the office's step, not the unit's.
    const illegal = await errorOf(unitAdmin.campaign.transition({ id: c.id, to: 'under_assessment' }));
    expect(illegal).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      params: { phase: 'submitted', allowed: [] },
    });
    const office = await as('cityAdmin');
    c = await office.campaign.transition({ id: c.id, to: 'under_assessment', comment: '受理' });
    expect(c.phase).toBe('under_assessment');
    expect(c.transitions.map((x) => `${x.from ?? '∅'}→${x.to}`)).toEqual([
      '∅→draft',
      'draft→mobilization',
      'mobilization→implementation',
      'implementation→consolidation',
      'consolidation→submitted',
      'submitted→under_assessment',
    ]);
    expect(c.transitions.at(-1)).toMatchObject({ actorName: 'city.admin', comment: '受理' });
  });

  it('answers an illegal step with CONFLICT naming the phase and the allowed next ones', async () => {
    const unitAdmin = await as('unit1Admin');
    const c = await unitAdmin.campaign.open({ unitId: f.units.U1, ...opening });
    const err = await errorOf(unitAdmin.campaign.transition({ id: c.id, to: 'decided' }));
    expect(err).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      params: { phase: 'draft', allowed: ['mobilization', 'withdrawn'] },
    });
    expect((await failure(unitAdmin.campaign.transition({ id: c.id, to: 'decided' }))).code).toBe('CONFLICT');
  });

  it('asks why before withdrawing, and freezes a withdrawn campaign', async () => {
    const unitAdmin = await as('unit1Admin');
    const c = await unitAdmin.campaign.open({ unitId: f.units.U1, ...opening });
    expect(await failure(unitAdmin.campaign.transition({ id: c.id, to: 'withdrawn' }))).toEqual({
      code: 'BAD_REQUEST',
      appCode: 'COMMENT_REQUIRED',
    });
    const withdrawn = await unitAdmin.campaign.transition({
      id: c.id,
      to: 'withdrawn',
      comment: '机构改革，暂缓创建',
    });
    expect(withdrawn.nextSteps).toEqual([]);
    expect(
      await failure(unitAdmin.campaign.updatePlans({ id: c.id, version: withdrawn.version, plan: 'x' })),
    ).toEqual({
      code: 'CONFLICT',
      appCode: 'CAMPAIGN_CLOSED',
    });
    // A new campaign may be opened once the old one is closed.
    await unitAdmin.campaign.open({ unitId: f.units.U1, ...opening });
  });

  it('keeps the leading group’s history when members change', async () => {
    const unitAdmin = await as('unit1Admin');
    const c = await unitAdmin.campaign.open({ unitId: f.units.U1, ...opening });
    const first = await unitAdmin.campaign.setLeadingGroup({
      id: c.id,
      version: c.version,
      members: [
        { role: 'leader', name: '张局长' },
        { role: 'member', name: '赵科长' },
      ],
    });
    clock.set('2026-12-01T02:00:00Z');
    const after = await unitAdmin.campaign.setLeadingGroup({
      id: c.id,
      version: first.version,
      members: [
        { role: 'leader', name: '孙局长' },
        { role: 'member', name: '赵科长' },
      ],
    });
    expect(after.leadingGroup.map((m) => m.name)).toEqual(['赵科长', '孙局长']);
    const history = await unitAdmin.campaign.leadingGroupHistory({ id: c.id });
    expect(history.items.map((m) => [m.name, m.validTo !== null])).toEqual([
      ['张局长', true],
      ['赵科长', false],
      ['孙局长', false],
    ]);
    clock.set('2026-11-27T02:00:00Z');
  });

  it('refuses a leading group saved over a newer one, keeping the newer', async () => {
    const unitAdmin = await as('unit1Admin');
    const c = await unitAdmin.campaign.open({ unitId: f.units.U1, ...opening });
    await unitAdmin.campaign.setLeadingGroup({
      id: c.id,
      version: c.version,
      members: [{ role: 'leader', name: '甲' }],
    });
    expect(
      await failure(
        unitAdmin.campaign.setLeadingGroup({
          id: c.id,
          version: c.version,
          members: [{ role: 'leader', name: '乙' }],
        }),
      ),
    ).toEqual({ code: 'CONFLICT', appCode: 'STALE_VERSION' });
    const now = await unitAdmin.campaign.get({ id: c.id });
    expect(now.leadingGroup.map((m) => m.name)).toEqual(['甲']);
  });

  it('refuses a department of another unit in the leading group', async () => {
    const unitAdmin = await as('unit1Admin');
    const c = await unitAdmin.campaign.open({ unitId: f.units.U1, ...opening });
    expect(
      await failure(
        unitAdmin.campaign.setLeadingGroup({
          id: c.id,
          version: c.version,
          members: [{ role: 'leader', name: '张', departmentId: f.departments.U4A }],
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', appCode: 'DEPARTMENT_NOT_IN_UNIT' });
  });
});

describe('campaign lists', () => {
  it('shows the office every campaign of its subtree with progress, and units only their own', async () => {
    await (await as('unit1Admin')).campaign.open({ unitId: f.units.U1, ...opening });
    await (await as('cityAdmin')).campaign.open({ unitId: f.units.U3, ...opening });
    await (await as('unit4Admin')).campaign.open({ unitId: f.units.U4, ...opening });
    const city = await (await as('cityInspector')).campaign.list({ open: true });
    expect(city.items.map((c) => c.unitCode).sort()).toEqual(['U1', 'U3']);
    expect(city.items[0]!.progress).toEqual({ tasks: 0, done: 0, inProgress: 0, overdue: 0 });
    expect((await (await as('unit1Member')).campaign.list({})).items.map((c) => c.unitCode)).toEqual([
      'U1',
      'U1',
    ]);
    expect(
      (await (await as('unit1Member')).campaign.list({ open: false })).items.map((c) => c.phase),
    ).toEqual(['withdrawn']);
    expect(
      (await (await as('cityAdmin')).campaign.list({ officeId: f.offices.D2, phase: 'draft' })).items.map(
        (c) => c.unitCode,
      ),
    ).toEqual(['U3']);
  });
});
