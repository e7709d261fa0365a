import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const clock = fixedClock('2027-05-10T02:00:00Z');
const as = (who: keyof Fixture['users']) => callerAs(t.db, f.users[who], { clock });

async function plan(kind: 'routine' | 'unannounced') {
  const admin = await as('cityAdmin');
  return admin.inspection.create({
    officeId: f.offices.C,
    kind,
    title: kind === 'unannounced' ? '五月暗访' : '季度督查',
    plannedOn: '2027-05-12',
    unitIds: [f.units.U1, f.units.U2],
    inspectorIds: [f.users.cityInspector],
    frameworkId: f.framework,
  });
}

describe('inspections', () => {
  it('draws the checklist from the framework and saves results item by item as the inspector goes', async () => {
    const inspection = await plan('routine');
    expect(inspection.checklist.map((i) => i.key)).toEqual(['A1', 'A2', 'B1']);
    const inspector = await as('cityInspector');
    await inspector.inspection.recordResult({
      inspectionId: inspection.id,
      unitId: f.units.U1,
      itemKey: 'A1',
      result: 'partly',
      notes: '领导小组文件未见',
    });
    const again = await inspector.inspection.recordResult({
      inspectionId: inspection.id,
      unitId: f.units.U1,
      itemKey: 'A1',
      result: 'fails',
      notes: '仍未见',
    });
    expect(again.status).toBe('in_progress');
    expect(again.results).toMatchObject([{ itemKey: 'A1', result: 'fails', notes: '仍未见' }]);
    expect(
      (
        await failure(
          inspector.inspection.recordResult({
            inspectionId: inspection.id,
            unitId: f.units.U3,
            itemKey: 'A1',
            result: 'meets',
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
  });

  it('keeps an unannounced inspection invisible to the unit until it is completed', async () => {
    const inspection = await plan('unannounced');
    const unitAdmin = await as('unit1Admin');
    expect((await unitAdmin.inspection.list({})).items).toEqual([]);
    expect((await failure(unitAdmin.inspection.get({ id: inspection.id }))).code).toBe('NOT_FOUND');
    await (await as('cityInspector')).inspection.addFinding({
      inspectionId: inspection.id,
      unitId: f.units.U1,
      severity: 'major',
      description: '窗口服务人员脱岗',
    });
    await (await as('cityAdmin')).inspection.complete({ id: inspection.id });
    const seen = await unitAdmin.inspection.get({ id: inspection.id });
    expect(seen.units.map((u) => u.name)).toEqual(['U1 单位']);
    expect(seen.findings.map((x) => x.description)).toEqual(['窗口服务人员脱岗']);
    expect((await unitAdmin.inspection.list({})).items.map((i) => i.title)).toEqual(['五月暗访']);
    // Counts cover what the unit may see: itself, not the other unit inspected with it.
    expect((await unitAdmin.inspection.list({})).items[0]).toMatchObject({ units: 1, findings: 1 });
    expect((await (await as('cityAdmin')).inspection.list({})).items[0]).toMatchObject({
      units: 2,
      findings: 1,
    });
  });
});

describe('rectification', () => {
  it('runs the loop: issued, answered with evidence, returned, answered again, closed — each step recorded', async () => {
    const inspection = await plan('routine');
    const withFinding = await (await as('cityInspector')).inspection.addFinding({
      inspectionId: inspection.id,
      unitId: f.units.U1,
      itemKey: 'B1',
      severity: 'major',
      description: '安全检查记录缺失',
    });
    const inspector = await as('cityInspector');
    let order = await inspector.rectification.issue({
      findingId: withFinding.findings[0]!.id,
      unitId: f.units.U1,
      departmentId: f.departments.A,
      title: '补齐安全检查记录',
      requirement: '建立月度安全检查制度并补记录',
      deadline: '2027-05-31',
    });
    const unitAdmin = await as('unit1Admin');
    expect(
      (
        await failure(
          unitAdmin.rectification.verify({ id: order.id, version: order.version, decision: 'close' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    order = await unitAdmin.rectification.answer({
      id: order.id,
      version: order.version,
      plan: '已建立制度，补齐四月记录',
      evidenceIds: [f.evidence.U1A],
    });
    expect(order.status).toBe('answered');
    expect(
      (
        await failure(
          inspector.rectification.verify({ id: order.id, version: order.version, decision: 'return' }),
        )
      ).appCode,
    ).toBe('COMMENT_REQUIRED');
    order = await inspector.rectification.verify({
      id: order.id,
      version: order.version,
      decision: 'return',
      comment: '缺三月记录',
    });
    order = await unitAdmin.rectification.answer({
      id: order.id,
      version: order.version,
      plan: '已补三月记录',
    });
    clock.set('2027-06-05T02:00:00Z');
    order = await inspector.rectification.verify({ id: order.id, version: order.version, decision: 'close' });
    expect(order.status).toBe('closed');
    expect(order.events.map((e) => e.action)).toEqual([
      'issued',
      'answered',
      'returned',
      'answered',
      'closed',
    ]);
    expect(
      await failure(
        inspector.rectification.verify({ id: order.id, version: order.version, decision: 'close' }),
      ),
    ).toEqual({ code: 'CONFLICT', appCode: 'CONFLICT' });
    const { items } = await inspector.rectification.timeliness();
    expect(items).toMatchObject([
      { unitName: 'U1 单位', orders: 1, closed: 1, onTimeShare: 0, medianDaysToClose: 26, overdue: 0 },
    ]);
    clock.set('2027-05-10T02:00:00Z');
  });

  it('flags overdue orders', async () => {
    const inspector = await as('cityInspector');
    await inspector.rectification.issue({
      unitId: f.units.U2,
      title: '整改',
      requirement: '清理卫生死角',
      deadline: '2027-05-01',
    });
    expect(
      (await inspector.rectification.list({ overdue: true })).items.map((o) => [o.unitName, o.overdue]),
    ).toEqual([['U2 单位', true]]);
    expect((await (await as('unit1Admin')).rectification.list({})).items).toEqual([]);
  });
});
