import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
// 20 May 2027 in China: Q1's report (due 10 April) is overdue, Q2's (due 10 July) is due.
const clock = fixedClock('2027-05-20T02:00:00Z');
const as = (who: keyof Fixture['users']) => callerAs(t.db, f.users[who], { clock });

async function schedule() {
  return (await as('district1Admin')).report.createSchedule({
    officeId: f.offices.D1,
    title: '创建工作季度报告',
    period: 'quarterly',
    dueDay: 10,
    startsOn: '2027-01-01',
  });
}

describe('work reports', () => {
  it('asks every unit under the office each period, and flags what is overdue', async () => {
    const s = await schedule();
    // No units named: every unit under D1 (U1, U2), none of D2's.
    expect(s.units).toBe(2);
    const due = await (await as('cityInspector')).report.due({ scheduleId: s.id });
    // Overdue first, then by due date.
    expect(due.items.map((d) => [d.unitId, d.periodKey, d.dueOn, d.status])).toEqual([
      [f.units.U1, '2027-01-01', '2027-04-10', 'overdue'],
      [f.units.U2, '2027-01-01', '2027-04-10', 'overdue'],
      [f.units.U1, '2027-04-01', '2027-07-10', 'due'],
      [f.units.U2, '2027-04-01', '2027-07-10', 'due'],
    ]);
    const mine = await (await as('unit1Member')).report.due({ status: 'overdue' });
    expect(mine.items.map((d) => [d.unitId, d.periodKey])).toEqual([[f.units.U1, '2027-01-01']]);
  });

  it('files a report once per period, late if past due, and into the ledger as a summary', async () => {
    const s = await schedule();
    const unitAdmin = await as('unit1Admin');
    const report = await unitAdmin.report.file({
      scheduleId: s.id,
      unitId: f.units.U1,
      periodKey: '2027-01-01',
      title: '一季度创建工作报告',
      body: '一季度开展志愿服务三次，完成台账整理。',
      evidenceIds: [f.evidence.U1A],
    });
    expect(report).toMatchObject({ late: true, dueOn: '2027-04-10', evidenceIds: [f.evidence.U1A] });
    const item = await unitAdmin.evidence.get({ id: report.ledgerEvidenceId! });
    expect(item).toMatchObject({ kind: 'summary', title: '一季度创建工作报告', campaignId: f.campaigns.U1 });
    expect((await unitAdmin.evidence.history({ id: item.id })).items).toHaveLength(1);

    const twice = await failure(
      unitAdmin.report.file({
        scheduleId: s.id,
        unitId: f.units.U1,
        periodKey: '2027-01-01',
        title: 'x',
        body: 'y',
      }),
    );
    expect(twice).toEqual({ code: 'CONFLICT', appCode: 'REPORT_ALREADY_FILED' });
    const future = await failure(
      unitAdmin.report.file({
        scheduleId: s.id,
        unitId: f.units.U1,
        periodKey: '2027-07-01',
        title: 'x',
        body: 'y',
      }),
    );
    expect(future).toEqual({ code: 'BAD_REQUEST', appCode: 'REPORT_NOT_DUE' });
    const foreign = await failure(
      unitAdmin.report.file({
        scheduleId: s.id,
        unitId: f.units.U1,
        periodKey: '2027-04-01',
        title: 'x',
        body: 'y',
        evidenceIds: [f.evidence.U4A],
      }),
    );
    expect(foreign.code).toBe('BAD_REQUEST');

    const due = await (await as('district1Admin')).report.due({ unitId: f.units.U1 });
    expect(due.items.map((d) => d.status)).toEqual(['due', 'filed']);
    expect((await (await as('cityAnalyst')).report.get({ id: report.id })).filedByName).toBe('u1.admin');
  });

  it('asks nothing more once stopped', async () => {
    const s = await schedule();
    const admin = await as('district1Admin');
    expect((await admin.report.setScheduleActive({ id: s.id, active: false })).active).toBe(false);
    expect((await admin.report.due({ scheduleId: s.id })).items).toEqual([]);
  });
});

describe('leading-group meetings', () => {
  it('are recorded with attendees and minutes, and filed in the ledger as meeting minutes', async () => {
    const unitAdmin = await as('unit1Admin');
    const meeting = await unitAdmin.meeting.record({
      unitId: f.units.U1,
      title: '创建工作领导小组第二次例会',
      heldOn: '2027-05-18',
      place: '三楼会议室',
      attendees: ['张校长', '李主任', '王老师'],
      absentees: ['赵老师'],
      minutes: '研究部署迎检工作，明确分工。',
    });
    expect(meeting).toMatchObject({ attendees: ['张校长', '李主任', '王老师'], campaignId: f.campaigns.U1 });
    const item = await unitAdmin.evidence.get({ id: meeting.ledgerEvidenceId! });
    expect(item).toMatchObject({ kind: 'meeting_minutes', eventDate: '2027-05-18', participants: 3 });
    expect((await (await as('cityInspector')).meeting.list({})).items.map((m) => m.id)).toEqual([meeting.id]);
    expect((await (await as('unit4Admin')).meeting.list({})).items).toEqual([]);
    const future = await failure(
      unitAdmin.meeting.record({
        unitId: f.units.U1,
        title: '例会',
        heldOn: '2027-05-21',
        attendees: ['张校长'],
        minutes: '纪要',
      }),
    );
    expect(future.code).toBe('BAD_REQUEST');
  });
});
