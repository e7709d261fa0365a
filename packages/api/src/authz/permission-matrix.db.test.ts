import { randomBytes } from 'node:crypto';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../router';
import {
  callerAs,
  createFixture,
  FIXTURE_FRAMEWORK,
  FIXTURE_SURVEY_QUESTIONS,
  type Fixture,
  type FixtureUser,
  failure,
} from '../testing/index';
import { assessmentProbes } from './assessment-probes';
import { ALL_OK, campaignOf, items, officeOf, type Probe, READ_OWN, type Target, unitOf } from './probe-kit';
import { supervisionProbes } from './supervision-probes';

/**
 * Every procedure × every role × a target inside vs outside the caller's scope. "Own" is
 * unit U1 (in the city's district D1; the unit staff's own unit) and its member; "foreign"
 * is unit U4 under a sibling city office. A procedure added to the router without a row
 * here fails the first test.
 */
type Outcome = 'ok' | 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_REQUEST' | 'CONFLICT';
const ROLES = [
  'cityAdmin',
  'cityInspector',
  'cityAnalyst',
  'unit1Admin',
  'unit1HeadA',
  'unit1Member',
] as const;
const CODES = { ok: 'ok', NF: 'NOT_FOUND', FB: 'FORBIDDEN', BAD: 'BAD_REQUEST', CF: 'CONFLICT' } as const;

const unique = () => `p${randomBytes(4).toString('hex')}`;
const taskOf = (f: Fixture, t: Target, dept: 'A' | 'B') => (t === 'own' ? f.tasks[`U1${dept}`] : f.tasks.U4A);
const evidenceOf = (f: Fixture, t: Target) => (t === 'own' ? f.evidence.U1A : f.evidence.U4A);
const surveyOf = (f: Fixture, t: Target) => (t === 'own' ? f.surveys.U1 : f.surveys.U4);
/** Unit staff below the campaign office do not see the unit's surveys (results are the office's business). */
const SURVEY_READ = 'ok NF | ok NF | ok NF | ok NF | NF NF | NF NF';
const selectionOf = (f: Fixture, t: Target) => (t === 'own' ? f.selections.U1 : f.selections.U4);
/** A routine inspection of the target unit, visible to it, made for the probe. */
async function inspectionOf(f: Fixture, t: Target) {
  const officeId = t === 'own' ? f.offices.D1 : f.offices.C2;
  const row = await testDb.db
    .insertInto('inspections')
    .values({
      office_id: officeId,
      kind: 'routine',
      title: '督查',
      planned_on: '2027-05-01',
      checklist: JSON.stringify([{ key: 'k', label: '检查项' }]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await testDb.db
    .insertInto('inspection_targets')
    .values({
      inspection_id: row.id,
      office_id: officeId,
      unit_id: t === 'own' ? f.units.U1 : f.units.U4,
      visible_to_unit: true,
    })
    .execute();
  return row.id;
}
async function orderOf(f: Fixture, t: Target) {
  const row = await testDb.db
    .insertInto('rectifications')
    .values({
      office_id: t === 'own' ? f.offices.D1 : f.offices.C2,
      unit_id: t === 'own' ? f.units.U1 : f.units.U4,
      title: '整改',
      requirement: 'x',
      deadline: '2027-06-01',
      issued_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
/** A one-row units CSV for the target's office, new each time so a commit can succeed. */
const unitImport = (f: Fixture, t: Target) => ({
  kind: 'units' as const,
  fileName: 'units.csv',
  dataBase64: Buffer.from(`code,name,type\n${unique()},新单位,school\n`).toString('base64'),
  officeId: officeOf(f, t),
});
const memberOf = (f: Fixture, t: Target) => (t === 'own' ? f.users.unit1Member : f.users.unit4Admin);

const probes: Record<string, Probe> = {
  ...supervisionProbes(() => testDb.db),
  ...assessmentProbes(() => testDb.db),
  'auth.login': { public: true },
  'auth.logout': { public: true },
  'analytics.overview': { call: (c) => c.analytics.overview({}), expect: ALL_OK },
  'analytics.compare': {
    call: (c, f, t) => c.analytics.compare({ unitIds: [unitOf(f, t)] }),
    expect: 'ok NF | ok NF | ok NF | ok NF | ok NF | ok NF',
  },
  'analytics.ranking': {
    call: (c) => c.analytics.ranking({}),
    expect: ALL_OK,
    ids: (r) => (r as { items: { unitId: string }[] }).items.map((i) => i.unitId),
  },
  'analytics.trend': { call: (c) => c.analytics.trend({}), expect: ALL_OK },
  'import.preview': {
    call: (c, f, t) => c.import.preview(unitImport(f, t)),
    expect: 'ok NF | FB NF | FB NF | NF NF | NF NF | NF NF',
  },
  'import.commit': {
    call: (c, f, t) => c.import.commit(unitImport(f, t)),
    expect: 'ok NF | FB NF | FB NF | NF NF | NF NF | NF NF',
  },
  'auth.me': { call: (c) => c.auth.me(), expect: 'ok ok | ok ok | ok ok | ok ok | ok ok | ok ok' },
  'framework.list': {
    call: (c) => c.framework.list({}),
    expect: 'ok ok | ok ok | ok ok | ok ok | ok ok | ok ok',
  },
  'framework.get': {
    call: (c, f) => c.framework.get({ id: f.framework }),
    expect: 'ok ok | ok ok | ok ok | ok ok | ok ok | ok ok',
  },
  'framework.export': {
    call: (c, f) => c.framework.export({ id: f.framework }),
    expect: 'ok ok | ok ok | ok ok | ok ok | ok ok | ok ok',
  },
  'framework.import': {
    call: (c) => c.framework.import({ file: { ...FIXTURE_FRAMEWORK, code: unique() } }),
    expect: 'ok ok | FB FB | FB FB | FB FB | FB FB | FB FB',
  },
  'framework.importXlsx': {
    // Authorization comes before parsing: everyone but office admins is refused even a broken file.
    call: (c) => c.framework.importXlsx({ dataBase64: Buffer.from('not a workbook').toString('base64') }),
    expect: 'BAD BAD | FB FB | FB FB | FB FB | FB FB | FB FB',
  },
  'framework.publish': {
    call: (c, f, t) =>
      c.framework.publish({ officeId: officeOf(f, t), frameworkId: f.framework, targetLevel: 'city' }),
    expect: 'ok NF | FB NF | FB NF | NF NF | NF NF | NF NF',
  },
  'framework.assignments': {
    call: (c, f, t) => c.framework.assignments({ officeId: officeOf(f, t) }),
    expect: 'ok NF | ok NF | ok NF | NF NF | NF NF | NF NF',
  },
  'campaign.list': { call: (c) => c.campaign.list({}), expect: ALL_OK, ids: items },
  'campaign.get': { call: (c, f, t) => c.campaign.get({ id: campaignOf(f, t) }), expect: READ_OWN },
  'campaign.rollup': { call: (c, f, t) => c.campaign.rollup({ id: campaignOf(f, t) }), expect: READ_OWN },
  'campaign.leadingGroupHistory': {
    call: (c, f, t) => c.campaign.leadingGroupHistory({ id: campaignOf(f, t) }),
    expect: READ_OWN,
  },
  'campaign.open': {
    // U2 (in D1) has no campaign yet; U4 is foreign.
    call: (c, f, t) =>
      c.campaign.open({
        unitId: t === 'own' ? f.units.U2 : f.units.U4,
        kind: 'upgrade',
        targetLevel: 'county',
        termStartYear: 2027,
        termEndYear: 2029,
      }),
    expect: 'ok NF | FB NF | FB NF | NF NF | NF NF | NF NF',
  },
  'campaign.transition': {
    call: (c, f, t) => c.campaign.transition({ id: campaignOf(f, t), to: 'withdrawn', comment: '测试' }),
    expect: 'ok NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'campaign.updatePlans': {
    call: (c, f, t) => c.campaign.updatePlans({ id: campaignOf(f, t), version: 1, plan: '规划' }),
    expect: 'FB NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'campaign.setLeadingGroup': {
    call: (c, f, t) =>
      c.campaign.setLeadingGroup({
        id: campaignOf(f, t),
        version: 1,
        members: [{ role: 'leader', name: '组长' }],
      }),
    expect: 'FB NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'suggestion.list': { call: (c) => c.suggestion.list({}), expect: ALL_OK, ids: items },
  'suggestion.create': {
    call: (c, f, t) =>
      c.suggestion.create({ campaignId: campaignOf(f, t), title: '建议', body: '设立文明岗' }),
    expect: 'FB NF | FB NF | FB NF | ok NF | ok NF | ok NF',
  },
  'suggestion.reply': {
    call: (c, f, t) =>
      c.suggestion.reply({
        id: t === 'own' ? f.suggestions.U1 : f.suggestions.U4,
        status: 'noted',
        reply: '感谢建议',
        version: 1,
      }),
    // Analysts never see staff's own words: for them the suggestion does not exist.
    expect: 'FB NF | FB NF | NF NF | ok NF | FB NF | FB NF',
  },
  'writeup.list': { call: (c, f, t) => c.writeup.list({ campaignId: campaignOf(f, t) }), expect: READ_OWN },
  'writeup.create': {
    call: (c, f, t) =>
      c.writeup.create({ campaignId: campaignOf(f, t), title: '心得', body: '参加志愿服务的体会' }),
    expect: 'FB NF | FB NF | FB NF | ok NF | ok NF | ok NF',
  },
  'selection.list': { call: (c) => c.selection.list({}), expect: ALL_OK, ids: items },
  'selection.get': { call: (c, f, t) => c.selection.get({ id: selectionOf(f, t) }), expect: READ_OWN },
  'selection.create': {
    call: (c, f, t) =>
      c.selection.create({
        unitId: t === 'own' ? f.units.U1 : f.units.U4,
        title: '评选',
        category: 'post_expert',
      }),
    expect: 'FB NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'selection.nominate': {
    call: (c, f, t) => c.selection.nominate({ selectionId: selectionOf(f, t), name: '张三' }),
    expect: 'FB NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'selection.startVoting': {
    call: (c, f, t) => c.selection.startVoting({ id: selectionOf(f, t) }),
    expect: 'FB NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'selection.vote': {
    // Voting is not open in the fixture: staff of the unit learn that; everyone else is refused first.
    call: (c, f, t) =>
      c.selection.vote({
        selectionId: selectionOf(f, t),
        nomineeId: t === 'own' ? f.nominees.U1 : f.nominees.U4,
      }),
    expect: 'FB NF | FB NF | FB NF | CF NF | CF NF | CF NF',
  },
  'selection.publish': {
    call: (c, f, t) => c.selection.publish({ id: selectionOf(f, t) }),
    expect: 'FB NF | FB NF | FB NF | CF NF | FB NF | FB NF',
  },
  'survey.form': { public: true },
  'survey.answer': { public: true },
  'survey.list': { call: (c) => c.survey.list({}), expect: ALL_OK, ids: items },
  'survey.create': {
    call: (c, f, t) =>
      c.survey.create({
        unitIds: [t === 'own' ? f.units.U1 : f.units.U4],
        title: { zh: '满意度测评', en: '' },
        audience: 'public',
        questions: FIXTURE_SURVEY_QUESTIONS,
        opensOn: '2027-01-01',
        closesOn: '2027-12-31',
      }),
    expect: 'ok NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'survey.get': { call: (c, f, t) => c.survey.get({ id: surveyOf(f, t) }), expect: SURVEY_READ },
  'survey.results': { call: (c, f, t) => c.survey.results({ id: surveyOf(f, t) }), expect: SURVEY_READ },
  'survey.open': {
    call: (c, f, t) => c.survey.open({ id: surveyOf(f, t) }),
    expect: 'ok NF | FB NF | FB NF | ok NF | NF NF | NF NF',
  },
  'survey.close': {
    // A draft survey cannot be closed: permitted callers get CONFLICT, the rest are refused first.
    call: (c, f, t) => c.survey.close({ id: surveyOf(f, t) }),
    expect: 'CF NF | FB NF | FB NF | CF NF | NF NF | NF NF',
  },
  'task.list': { call: (c) => c.task.list({}), expect: ALL_OK, ids: items },
  'task.get': { call: (c, f, t) => c.task.get({ id: taskOf(f, t, 'A') }), expect: READ_OWN },
  'task.create': {
    call: (c, f, t) => c.task.create({ campaignId: campaignOf(f, t), title: '新任务' }),
    expect: 'FB NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'task.update': {
    // The department head reports progress on department A's task…
    call: (c, f, t) =>
      c.task.update({ id: taskOf(f, t, 'A'), version: 1, status: 'in_progress', progressNote: '进行中' }),
    expect: 'FB NF | FB NF | FB NF | ok NF | ok NF | FB NF',
  },
  'task.bulkAssign': {
    // …but may not reassign deadlines, even in their own department.
    call: (c, f, t) => c.task.bulkAssign({ ids: [taskOf(f, t, 'A')], deadline: '2027-12-31' }),
    expect: 'FB NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'task.generate': {
    call: (c, f, t) => c.task.generate({ campaignId: campaignOf(f, t) }),
    expect: 'FB NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'duty.calendar': { call: (c, f, t) => c.duty.calendar({ campaignId: campaignOf(f, t) }), expect: READ_OWN },
  'duty.create': {
    call: (c, f, t) =>
      c.duty.create({
        campaignId: campaignOf(f, t),
        title: '月度自查',
        period: 'monthly',
        startsOn: '2027-01-01',
      }),
    expect: 'ok NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'duty.deactivate': {
    call: async (c, f, target) => {
      const duty = await testDb.db
        .insertInto('duties')
        .values({
          office_id: target === 'own' ? f.offices.D1 : f.offices.C2,
          unit_id: target === 'own' ? f.units.U1 : f.units.U4,
          campaign_id: campaignOf(f, target),
          title: 'd',
          period: 'monthly',
          starts_on: '2027-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return c.duty.deactivate({ id: duty.id });
    },
    expect: 'ok NF | NF NF | NF NF | ok NF | NF NF | NF NF',
  },
  'evidence.list': { call: (c) => c.evidence.list({}), expect: ALL_OK, ids: items },
  'evidence.get': { call: (c, f, t) => c.evidence.get({ id: evidenceOf(f, t) }), expect: READ_OWN },
  'evidence.history': { call: (c, f, t) => c.evidence.history({ id: evidenceOf(f, t) }), expect: READ_OWN },
  'evidence.create': {
    call: (c, f, t) =>
      c.evidence.create({
        campaignId: campaignOf(f, t),
        kind: 'activity',
        title: '志愿服务',
        eventDate: '2027-01-10',
        departmentId: t === 'own' ? f.departments.A : f.departments.U4A,
      }),
    expect: 'FB NF | FB NF | FB NF | ok NF | ok NF | ok NF',
  },
  'evidence.revise': {
    call: (c, f, t) =>
      c.evidence.revise({
        id: evidenceOf(f, t),
        revision: 1,
        kind: 'meeting_minutes',
        title: '纪要（修订）',
        eventDate: '2027-01-05',
        departmentId: t === 'own' ? f.departments.A : f.departments.U4A,
      }),
    expect: 'FB NF | FB NF | FB NF | ok NF | ok NF | FB NF',
  },
  'evidence.retract': {
    call: (c, f, t) => c.evidence.retract({ id: evidenceOf(f, t), reason: '重复' }),
    expect: 'FB NF | FB NF | FB NF | ok NF | ok NF | FB NF',
  },
  'ledger.termComparison': {
    call: (c, f, t) => c.ledger.termComparison({ campaignId: campaignOf(f, t) }),
    expect: READ_OWN,
  },
  'ledger.carryForward': {
    // The fixture's campaigns have no earlier term: permitted callers learn there is nothing to carry.
    call: (c, f, t) =>
      c.ledger.carryForward({ campaignId: campaignOf(f, t), evidenceIds: [evidenceOf(f, t)] }),
    expect: 'FB NF | FB NF | FB NF | NF NF | FB NF | NF NF',
  },
  'ledger.overview': { call: (c) => c.ledger.overview({}), expect: ALL_OK },
  'ledger.completeness': {
    call: (c, f, t) => c.ledger.completeness({ campaignId: campaignOf(f, t) }),
    expect: READ_OWN,
  },
  'inspection.list': { call: (c) => c.inspection.list({}), expect: ALL_OK, ids: items },
  'inspection.create': {
    call: (c, f, t) =>
      c.inspection.create({
        officeId: t === 'own' ? f.offices.D1 : f.offices.C2,
        kind: 'routine',
        title: '督查',
        plannedOn: '2027-05-01',
        unitIds: [t === 'own' ? f.units.U1 : f.units.U4],
        checklist: [{ key: 'k', label: '检查项' }],
      }),
    expect: 'ok NF | FB NF | FB NF | NF NF | NF NF | NF NF',
  },
  'inspection.get': {
    call: async (c, f, t) => c.inspection.get({ id: await inspectionOf(f, t) }),
    expect: 'ok NF | ok NF | ok NF | ok NF | ok NF | ok NF',
  },
  'inspection.recordResult': {
    call: async (c, f, t) =>
      c.inspection.recordResult({
        inspectionId: await inspectionOf(f, t),
        unitId: t === 'own' ? f.units.U1 : f.units.U4,
        itemKey: 'k',
        result: 'meets',
      }),
    expect: 'ok NF | ok NF | FB NF | FB NF | FB NF | FB NF',
  },
  'inspection.addFinding': {
    call: async (c, f, t) =>
      c.inspection.addFinding({
        inspectionId: await inspectionOf(f, t),
        unitId: t === 'own' ? f.units.U1 : f.units.U4,
        severity: 'minor',
        description: '问题',
      }),
    expect: 'ok NF | ok NF | FB NF | FB NF | FB NF | FB NF',
  },
  'inspection.complete': {
    call: async (c, f, t) => c.inspection.complete({ id: await inspectionOf(f, t) }),
    expect: 'ok NF | ok NF | FB NF | FB NF | FB NF | FB NF',
  },
  'rectification.list': { call: (c) => c.rectification.list({}), expect: ALL_OK, ids: items },
  'rectification.timeliness': { call: (c) => c.rectification.timeliness(), expect: ALL_OK },
  'rectification.issue': {
    call: (c, f, t) =>
      c.rectification.issue({
        unitId: t === 'own' ? f.units.U1 : f.units.U4,
        title: '整改',
        requirement: '整改要求',
        deadline: '2027-06-01',
      }),
    expect: 'ok NF | ok NF | FB NF | FB NF | FB NF | FB NF',
  },
  'rectification.get': {
    call: async (c, f, t) => c.rectification.get({ id: await orderOf(f, t) }),
    expect: READ_OWN,
  },
  'rectification.answer': {
    call: async (c, f, t) =>
      c.rectification.answer({ id: await orderOf(f, t), version: 1, plan: '整改方案' }),
    expect: 'FB NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'rectification.verify': {
    // Nothing has been answered yet: the office may not close it now, the unit may not at all.
    call: async (c, f, t) =>
      c.rectification.verify({ id: await orderOf(f, t), version: 1, decision: 'close' }),
    expect: 'CF NF | CF NF | FB NF | FB NF | FB NF | FB NF',
  },
  'office.tree': {
    call: (c) => c.office.tree(),
    expect: 'ok ok | ok ok | ok ok | ok ok | ok ok | ok ok',
    ids: items,
  },
  'unit.list': {
    call: (c) => c.unit.list({}),
    expect: 'ok ok | ok ok | ok ok | ok ok | ok ok | ok ok',
    ids: items,
  },
  'unit.get': {
    call: (c, f, t) => c.unit.get({ id: unitOf(f, t) }),
    expect: 'ok NF | ok NF | ok NF | ok NF | ok NF | ok NF',
  },
  'unit.statusHistory': {
    call: (c, f, t) => c.unit.statusHistory({ id: unitOf(f, t) }),
    expect: 'ok NF | ok NF | ok NF | ok NF | ok NF | ok NF',
  },
  'unit.create': {
    call: (c, f, t) =>
      c.unit.create({
        officeId: t === 'own' ? f.offices.D1 : f.offices.C2,
        code: unique(),
        name: '新单位',
        type: 'school',
      }),
    expect: 'ok NF | FB NF | FB NF | NF NF | NF NF | NF NF',
  },
  'unit.update': {
    call: (c, f, t) => c.unit.update({ id: unitOf(f, t), version: 1, name: '改名' }),
    expect: 'ok NF | FB NF | FB NF | FB NF | FB NF | FB NF',
  },
  'user.list': {
    call: (c) => c.user.list({}),
    expect: 'ok ok | ok ok | ok ok | ok ok | ok ok | ok ok',
    ids: items,
  },
  'user.get': {
    call: (c, f, t) => c.user.get({ id: memberOf(f, t) }),
    expect: 'ok NF | NF NF | NF NF | ok NF | ok NF | ok NF',
  },
  'user.create': {
    call: (c, f, t) =>
      c.user.create({
        username: unique(),
        displayName: '新职工',
        password: 'a-long-password',
        role: { role: 'unit_member', unitId: unitOf(f, t) },
      }),
    expect: 'ok NF | FB NF | FB NF | ok NF | FB NF | FB NF',
  },
  'user.update': {
    call: (c, f, t) => c.user.update({ id: memberOf(f, t), version: 1, displayName: '改名' }),
    expect: 'ok NF | NF NF | NF NF | ok NF | FB NF | ok NF',
  },
  'user.assignRole': {
    call: (c, f, t) =>
      c.user.assignRole({
        userId: memberOf(f, t),
        role: 'unit_department_head',
        unitId: unitOf(f, t),
        departmentId: t === 'own' ? f.departments.A : f.departments.U4A,
      }),
    expect: 'ok NF | NF NF | NF NF | ok NF | FB NF | FB NF',
  },
};

function expected(probe: Probe, role: (typeof ROLES)[number], target: Target): Outcome {
  const row = probe.expect!.split('|')[ROLES.indexOf(role)]!.trim().split(/\s+/);
  return CODES[row[target === 'own' ? 0 : 1] as keyof typeof CODES];
}

/** What lies outside each caller's scope: the sibling city's office, unit and users. */
function outOfScope(f: Fixture, role: FixtureUser): string[] {
  const foreign = [f.offices.C2, f.offices.P, f.units.U4, f.users.unit4Admin];
  if (role.startsWith('unit1')) {
    return [...foreign, f.offices.C, f.offices.D1, f.offices.D2, f.units.U2, f.units.U3, f.users.cityAdmin];
  }
  return foreign;
}

let f: Fixture;
const testDb = useTestDb(async (db) => {
  f = await createFixture(db);
});

describe('permission matrix', () => {
  it('has a row for every procedure of the router', () => {
    expect(Object.keys(probes).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  const authed = Object.entries(probes).filter(([, p]) => !p.public);
  const cases = authed.flatMap(([path, probe]) =>
    ROLES.flatMap((role) => (['own', 'foreign'] as const).map((target) => ({ path, probe, role, target }))),
  );

  it.each(cases)('$path as $role on $target', async ({ probe, role, target }) => {
    const caller = await callerAs(testDb.db, f.users[role]);
    const want = expected(probe, role, target);
    if (want === 'ok') {
      const result = await probe.call!(caller, f, target);
      if (probe.ids) {
        const leaked = probe.ids(result).filter((id) => outOfScope(f, role).includes(id));
        expect(leaked, 'records outside the caller’s scope').toEqual([]);
      }
    } else {
      expect((await failure(probe.call!(caller, f, target))).code).toBe(want);
    }
  });

  it.each(authed.map(([path, probe]) => ({ path, probe })))(
    '$path refuses anonymous callers',
    async ({ probe }) => {
      const anonymous = await callerAs(testDb.db, null);
      expect((await failure(probe.call!(anonymous, f, 'own'))).code).toBe('UNAUTHORIZED');
    },
  );
});
