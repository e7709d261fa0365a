import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';

let f: Fixture;
let secondInspector: string;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
  const user = await db
    .insertInto('users')
    .values({
      office_id: f.offices.C,
      username: 'city.inspector2',
      display_name: '第二测评员',
      password_hash: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_assignments')
    .values({ user_id: user.id, role: 'office_inspector', office_id: f.offices.C })
    .execute();
  secondInspector = user.id;
});
const clock = fixedClock('2027-11-20T02:00:00Z');
const as = (who: keyof Fixture['users'] | 'inspector2') =>
  callerAs(t.db, who === 'inspector2' ? secondInspector : f.users[who], { clock });
const setPhase = (phase: 'submitted' | 'under_assessment') =>
  t.db.updateTable('campaigns').set({ phase }).where('id', '=', f.campaigns.U1).execute();

let ids: Record<string, string>;
beforeEach(async () => {
  await setPhase('submitted');
  const a = await (await as('cityAdmin')).assessment.get({ campaignId: f.campaigns.U1 });
  ids = Object.fromEntries(a.indicators.map((i) => [i.code, i.id]));
});

const campaignId = () => f.campaigns.U1;

async function selfAssess() {
  const unit = await as('unit1Admin');
  await unit.assessment.selfScore({
    campaignId: campaignId(),
    indicatorId: ids.A1!,
    entry: { points: 9 },
    explanation: '领导小组文件齐全',
    evidenceIds: [f.evidence.U1A],
  });
  await unit.assessment.selfScore({ campaignId: campaignId(), indicatorId: ids.A2!, entry: { grade: 'B' } });
  const last = await unit.assessment.selfScore({
    campaignId: campaignId(),
    indicatorId: ids.B1!,
    entry: { deduction: 25 },
  });
  return { unit, last };
}

/** The campaign accepted for assessment, two assessors assigned, both submitted. */
async function assessed(scores: { first: number[]; second: number[] }) {
  await setPhase('under_assessment');
  const admin = await as('cityAdmin');
  await admin.assessment.assign({
    campaignId: campaignId(),
    assessors: [{ userId: f.users.cityInspector }, { userId: secondInspector }],
  });
  for (const [who, points] of [
    ['cityInspector', scores.first],
    ['inspector2', scores.second],
  ] as const) {
    const caller = await as(who);
    for (const [i, code] of ['A1', 'A2', 'B1'].entries()) {
      await caller.assessment.score({
        campaignId: campaignId(),
        indicatorId: ids[code]!,
        entry: { points: points[i]! },
      });
    }
    await caller.assessment.submit({ campaignId: campaignId() });
  }
  return admin;
}

async function publishNotice(endsOn: string) {
  const notice = await t.db
    .insertInto('notices')
    .values({
      office_id: f.offices.C,
      kind: 'conferral',
      title: '拟命名文明单位公示',
      body: '公示期五个工作日',
      starts_on: '2027-11-01',
      ends_on: endsOn,
      published_at: new Date('2027-11-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('notice_subjects')
    .values({
      notice_id: notice.id,
      office_id: f.offices.D1,
      unit_id: f.units.U1,
      unit_name: 'U1',
      campaign_id: campaignId(),
    })
    .execute();
  return notice.id;
}

const decision = {
  campaignId: '',
  outcome: 'conferral' as const,
  decisionNo: '文明委〔2027〕12号',
  decidedOn: '2027-11-18',
};

describe('self-assessment', () => {
  it('clamps every entry to the indicator, keeps the explanation, and freezes once submitted', async () => {
    const { unit, last } = await selfAssess();
    const self = Object.fromEntries(last.indicators.map((i) => [i.code, i.self]));
    expect(self.A1).toMatchObject({ points: 9, note: '领导小组文件齐全', evidenceIds: [f.evidence.U1A] });
    expect(self.A2).toMatchObject({ points: 6.6, grade: 'B' });
    // 扣完为止: a deduction larger than the indicator stops at zero.
    expect(self.B1).toMatchObject({ points: 0 });
    // The unit never sees a result before the decision.
    expect(last.result).toBeNull();

    await unit.assessment.submit({ campaignId: campaignId() });
    const again = await failure(
      unit.assessment.selfScore({ campaignId: campaignId(), indicatorId: ids.A1!, entry: { points: 10 } }),
    );
    expect(again).toEqual({ code: 'CONFLICT', appCode: 'SELF_ASSESSMENT_SUBMITTED' });
  });

  it('refuses to submit with indicators unscored, and evidence from another ledger', async () => {
    const unit = await as('unit1Admin');
    await unit.assessment.selfScore({ campaignId: campaignId(), indicatorId: ids.A1!, entry: { points: 9 } });
    expect(await failure(unit.assessment.submit({ campaignId: campaignId() }))).toEqual({
      code: 'CONFLICT',
      appCode: 'ASSESSMENT_INCOMPLETE',
    });
    const foreign = await failure(
      unit.assessment.selfScore({
        campaignId: campaignId(),
        indicatorId: ids.A2!,
        entry: { points: 5 },
        evidenceIds: [f.evidence.U4A],
      }),
    );
    expect(foreign).toEqual({ code: 'BAD_REQUEST', appCode: 'EVIDENCE_NOT_IN_CAMPAIGN' });
  });

  it('lets a department head neither score nor read the assessment', async () => {
    const head = await as('unit1HeadA');
    expect((await failure(head.assessment.get({ campaignId: campaignId() }))).code).toBe('FORBIDDEN');
  });
});

describe('assessors', () => {
  it('score independently: nobody sees another’s scores until they have submitted their own', async () => {
    await setPhase('under_assessment');
    const admin = await as('cityAdmin');
    expect(
      await failure(
        admin.assessment.assign({ campaignId: campaignId(), assessors: [{ userId: f.users.unit1Admin }] }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', appCode: 'NOT_AN_ASSESSOR' });
    await admin.assessment.assign({
      campaignId: campaignId(),
      assessors: [{ userId: f.users.cityInspector }, { userId: secondInspector }],
    });
    const first = await as('cityInspector');
    const second = await as('inspector2');
    for (const code of ['A1', 'A2', 'B1']) {
      await first.assessment.score({
        campaignId: campaignId(),
        indicatorId: ids[code]!,
        entry: { points: 8 },
      });
    }
    await first.assessment.submit({ campaignId: campaignId() });
    await second.assessment.score({ campaignId: campaignId(), indicatorId: ids.A1!, entry: { points: 10 } });
    const before = await second.assessment.get({ campaignId: campaignId() });
    expect(before.indicators.flatMap((i) => i.assessorScores)).toEqual([]);
    expect(before.result).toBeNull();
    expect(before.indicators[0]!.mine).toMatchObject({ points: 10 });

    await second.assessment.score({ campaignId: campaignId(), indicatorId: ids.A2!, entry: { points: 10 } });
    await second.assessment.score({ campaignId: campaignId(), indicatorId: ids.B1!, entry: { grade: 'A' } });
    const after = await second.assessment.submit({ campaignId: campaignId() });
    expect(after.indicators[0]!.assessorScores).toMatchObject([
      { points: 8, assessorName: 'city.inspector' },
    ]);
    expect(after.indicators.map((i) => i.final)).toEqual([9, 9, 9]);
    expect(after.result).toMatchObject({ total: 27, passed: true, vetoed: false });
    expect(
      await failure(
        second.assessment.score({ campaignId: campaignId(), indicatorId: ids.A1!, entry: { points: 1 } }),
      ),
    ).toEqual({ code: 'CONFLICT', appCode: 'SCORES_SUBMITTED' });
  });

  it('lets the office moderate an indicator with a reason, never above its points', async () => {
    const admin = await assessed({ first: [8, 8, 8], second: [10, 10, 10] });
    expect(
      await failure(
        admin.assessment.moderate({
          campaignId: campaignId(),
          indicatorId: ids.A1!,
          points: 11,
          reason: '复核',
          version: 0,
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', appCode: 'POINTS_ABOVE_MAXIMUM' });
    const moderated = await admin.assessment.moderate({
      campaignId: campaignId(),
      indicatorId: ids.A1!,
      points: 6,
      reason: '实地复核发现台账缺失',
      version: 0,
    });
    expect(moderated.indicators[0]).toMatchObject({
      final: 6,
      moderated: { points: 6, reason: '实地复核发现台账缺失' },
      moderationVersion: 1,
    });
    expect(moderated.result!.total).toBe(24);
    // A second editor who opened the form before that save cannot overwrite it unseen.
    const stale = {
      campaignId: campaignId(),
      indicatorId: ids.A1!,
      points: 10,
      reason: '维持原分',
      version: 0,
    };
    expect(await failure(admin.assessment.moderate(stale))).toEqual({
      code: 'CONFLICT',
      appCode: 'STALE_VERSION',
    });
    const takenBack = await admin.assessment.moderate({ ...stale, points: null, version: 1 });
    expect(takenBack.indicators[0]).toMatchObject({ final: 9, moderated: null, moderationVersion: 2 });
    // Taken back is a version too: the editor still holding the moderated value is refused.
    expect(await failure(admin.assessment.moderate({ ...stale, points: 6, version: 1 }))).toMatchObject({
      appCode: 'STALE_VERSION',
    });
  });
});

describe('decisions', () => {
  it('confers only after a closed public notice, then writes the status register and tells the unit', async () => {
    const admin = await assessed({ first: [9, 9, 9], second: [9, 9, 9] });
    const unit = await as('unit1Admin');
    decision.campaignId = campaignId();
    expect((await failure(unit.decision.decide(decision))).code).toBe('FORBIDDEN');
    expect(await failure(admin.decision.decide(decision))).toEqual({
      code: 'CONFLICT',
      appCode: 'NOTICE_REQUIRED',
    });
    await publishNotice('2027-11-19');
    expect(await failure(admin.decision.decide(decision))).toEqual({
      code: 'CONFLICT',
      appCode: 'NOTICE_WINDOW_OPEN',
    });
    expect(await failure(admin.decision.decide({ ...decision, outcome: 'renewal' }))).toEqual({
      code: 'BAD_REQUEST',
      appCode: 'OUTCOME_MISMATCH',
    });

    const decided = await admin.decision.decide({ ...decision, decidedOn: '2027-11-20' });
    expect(decided).toMatchObject({ outcome: 'conferral', level: 'county', termStartYear: 2027, total: 27 });
    // The certificate names the office whose admin decided (the city), not the unit's district.
    const city = await t.db
      .selectFrom('offices')
      .select('name')
      .where('id', '=', f.offices.C)
      .executeTakeFirstOrThrow();
    expect(decided.officeName).toBe(city.name);
    expect(await failure(admin.decision.decide({ ...decision, decidedOn: '2027-11-20' }))).toEqual({
      code: 'CONFLICT',
      appCode: 'ALREADY_DECIDED',
    });

    // The unit now sees its result, per indicator, and its new status.
    const mine = await unit.assessment.get({ campaignId: campaignId() });
    expect(mine.phase).toBe('decided');
    expect(mine.result).toMatchObject({ total: 27, passed: true });
    expect(mine.indicators.map((i) => i.final)).toEqual([9, 9, 9]);
    expect(mine.indicators.flatMap((i) => i.assessorScores)).toEqual([]);
    const history = await unit.unit.statusHistory({ id: f.units.U1 });
    expect(history.items[0]).toMatchObject({
      action: 'conferral',
      level: 'county',
      decisionNo: '文明委〔2027〕12号',
    });
    const register = await admin.status.register({ q: '', standing: 'held' });
    expect(register.items.map((r) => r.unitId)).toContain(f.units.U1);
    const inbox = await t.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', f.users.unit1Admin)
      .where('kind', '=', 'decision')
      .execute();
    expect(inbox).toHaveLength(1);
  });

  it('fails the campaign on a confirmed veto whatever the score, until the veto is cleared', async () => {
    const admin = await assessed({ first: [10, 10, 10], second: [10, 10, 10] });
    await publishNotice('2027-11-10');
    const vetoed = await admin.assessment.confirmVeto({
      campaignId: campaignId(),
      vetoCode: 'V1',
      source: 'consultation',
      sourceDetail: '征求应急管理局意见：2027年3月发生较大安全事故',
    });
    expect(vetoed.result).toMatchObject({ total: 30, vetoed: true, passed: false });
    decision.campaignId = campaignId();
    expect(await failure(admin.decision.decide(decision))).toEqual({
      code: 'CONFLICT',
      appCode: 'VETO_CONFIRMED',
    });
    expect(
      await failure(
        admin.assessment.confirmVeto({
          campaignId: campaignId(),
          vetoCode: 'NOPE',
          source: 'other',
          sourceDetail: 'x',
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', appCode: 'VETO_NOT_IN_FRAMEWORK' });
    const cleared = await admin.assessment.clearVeto({
      vetoId: vetoed.vetoes[0]!.id,
      reason: '经核实事故不属本单位责任',
    });
    expect(cleared.result).toMatchObject({ vetoed: false, passed: true });
    expect(cleared.vetoes[0]!.cleared).toMatchObject({ reason: '经核实事故不属本单位责任' });
  });

  it('refuses conferral below the pass mark or outside the quota, and always allows a reasoned rejection', async () => {
    const admin = await assessed({ first: [6, 6, 6], second: [6, 6, 6] });
    await publishNotice('2027-11-10');
    decision.campaignId = campaignId();
    expect(await failure(admin.decision.decide(decision))).toEqual({
      code: 'CONFLICT',
      appCode: 'BELOW_THRESHOLD',
    });
    await admin.assessment.configure({
      officeId: f.offices.C,
      targetLevel: 'county',
      passThreshold: 10,
      quotaCount: 0,
      version: 0,
    });
    expect(await failure(admin.decision.decide(decision))).toEqual({
      code: 'CONFLICT',
      appCode: 'OUTSIDE_QUOTA',
    });
    const rejected = await admin.decision.decide({ ...decision, outcome: 'rejection', reason: '名额已满' });
    expect(rejected).toMatchObject({ outcome: 'rejection', termStartYear: null });
    const unitRow = await t.db
      .selectFrom('units')
      .select('status_level')
      .where('id', '=', f.units.U1)
      .executeTakeFirstOrThrow();
    expect(unitRow.status_level).toBe('none');
  });
});

describe('dynamic management on the status register', () => {
  it('warns, restores, revokes — each with its document — and refuses steps the standing does not allow', async () => {
    const admin = await as('cityAdmin');
    await t.db
      .updateTable('units')
      .set({ status_level: 'city', term_start_year: 2025, term_end_year: 2027 })
      .where('id', '=', f.units.U1)
      .execute();
    const step = { unitId: f.units.U1, decisionNo: '文明办〔2027〕3号', decidedOn: '2027-11-01' };
    expect(await failure(admin.status.restore({ ...step, reason: '整改到位' }))).toEqual({
      code: 'CONFLICT',
      appCode: 'STATUS_STEP_NOT_ALLOWED',
    });
    expect(
      (await failure(admin.status.yellowCard({ ...step, reason: '复查不合格', deadline: '2027-10-01' })))
        .code,
    ).toBe('BAD_REQUEST');
    await admin.status.yellowCard({ ...step, reason: '复查发现台账造假', deadline: '2028-02-01' });
    let entry = (await admin.status.register({ standing: 'yellow_card' })).items.find(
      (r) => r.unitId === f.units.U1,
    );
    expect(entry).toMatchObject({
      standing: 'yellow_card',
      deadline: '2028-02-01',
      allowedActions: ['restore', 'revocation', 'lapse'],
    });
    await admin.status.restore({ ...step, decisionNo: '文明办〔2027〕4号', reason: '整改到位' });
    await admin.status.revoke({ ...step, decisionNo: '文明委〔2027〕9号', reason: '发生严重违纪' });
    entry = (await admin.status.register({ standing: 'revoked' })).items.find((r) => r.unitId === f.units.U1);
    expect(entry).toMatchObject({ level: 'none', standing: 'revoked', allowedActions: [] });
    const history = await (await as('unit1Admin')).unit.statusHistory({ id: f.units.U1 });
    expect(history.items.slice(0, 3).map((h) => h.action)).toEqual(['revocation', 'restore', 'yellow_card']);

    const unit = await as('unit1Admin');
    expect((await failure(unit.status.revoke({ ...step, reason: 'x' }))).code).toBe('FORBIDDEN');
    expect((await failure(admin.status.revoke({ ...step, unitId: f.units.U4, reason: 'x' }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('lists terms ending within a year as due for renewal', async () => {
    await t.db
      .updateTable('units')
      .set({ status_level: 'city', term_start_year: 2025, term_end_year: 2028 })
      .where('id', '=', f.units.U2)
      .execute();
    const admin = await as('cityAdmin');
    const soon = await admin.status.register({ termEndingSoon: true });
    expect(soon.items.map((r) => r.unitId)).toEqual([f.units.U2]);
    expect(soon.counts.endingSoon).toBe(1);
    // A term that ran out unrenewed is expired: the only step left is to record its end.
    await t.db
      .updateTable('units')
      .set({ status_level: 'county', term_start_year: 2023, term_end_year: 2026 })
      .where('id', '=', f.units.U3)
      .execute();
    const expired = await admin.status.register({ standing: 'expired' });
    expect(expired.items.map((r) => [r.unitId, r.allowedActions])).toEqual([[f.units.U3, ['lapse']]]);
  });
});
