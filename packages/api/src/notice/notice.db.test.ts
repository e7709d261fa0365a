import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';
import { conferralNoticeFor } from './for-campaign';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
// 2027-06-01 10:00 in China.
const clock = fixedClock('2027-06-01T02:00:00Z');
const as = (who: keyof Fixture['users']) => callerAs(t.db, f.users[who], { clock });
const anonymous = (ip = '203.0.113.9') => callerAs(t.db, null, { clock, ip });

async function publish(startsOn = '2027-06-01', endsOn = '2027-06-07') {
  const admin = await as('cityAdmin');
  return admin.notice.publish({
    officeId: f.offices.C,
    kind: 'conferral',
    title: '2027年度市级文明单位拟命名名单公示',
    body: '公示期内，如有异议请实名反映。',
    startsOn,
    endsOn,
    subjects: [{ unitId: f.units.U1, campaignId: f.campaigns.U1 }, { unitId: f.units.U3 }],
  });
}

describe('public notices', () => {
  it('take objections only inside the window, from anyone, both end days included', async () => {
    const notice = await publish('2027-06-02', '2027-06-08');
    expect(notice.window).toBe('upcoming');
    const early = await failure(
      (await anonymous()).notice.fileObjection({ noticeId: notice.id, body: '该单位存在违规问题' }),
    );
    expect(early).toEqual({ code: 'CONFLICT', appCode: 'NOTICE_WINDOW_CLOSED' });

    clock.set('2027-06-01T16:30:00Z'); // 00:30 on 2 June in China: the first day
    const filed = await (await anonymous()).notice.fileObjection({
      noticeId: notice.id,
      unitId: f.units.U1,
      body: '该单位窗口服务多次被投诉',
      contact: '13800000000',
    });
    expect(filed.id).toBeTruthy();
    // Signed in works too; the unit must be one the notice names.
    const notAboutIt = await failure(
      (await as('unit1Member')).notice.fileObjection({ noticeId: notice.id, unitId: f.units.U2, body: 'x' }),
    );
    expect(notAboutIt.code).toBe('BAD_REQUEST');
    clock.set('2027-06-08T15:59:00Z'); // 23:59 on 8 June: the last day
    await (await anonymous('198.51.100.7')).notice.fileObjection({ noticeId: notice.id, body: '匿名反映' });

    clock.set('2027-06-08T16:00:00Z'); // midnight: the window has closed
    const late = await failure(
      (await anonymous()).notice.fileObjection({ noticeId: notice.id, body: '迟到的异议' }),
    );
    expect(late).toEqual({ code: 'CONFLICT', appCode: 'NOTICE_WINDOW_CLOSED' });

    clock.set('2027-06-01T02:00:00Z');
  });

  it('shows objections to office staff (contact hidden from analysts), never to the units', async () => {
    const notice = await publish();
    const filed = await (await anonymous()).notice.fileObjection({
      noticeId: notice.id,
      unitId: f.units.U1,
      body: '该单位存在违规问题',
      contact: '王先生 13800000000',
    });
    const office = await (await as('cityAdmin')).notice.get({ id: notice.id });
    expect(office.objections).toMatchObject([
      { id: filed.id, contact: '王先生 13800000000', status: 'open' },
    ]);
    const analyst = await (await as('cityAnalyst')).notice.get({ id: notice.id });
    expect(analyst.objections).toMatchObject([{ id: filed.id, contact: null, body: '该单位存在违规问题' }]);
    const unit = await (await as('unit1Admin')).notice.get({ id: notice.id });
    expect(unit.subjects.map((s) => s.unitId).sort()).toEqual([f.units.U1, f.units.U3].sort());
    expect(unit.objections).toEqual([]);
    // The office admins hear of it.
    const inbox = await (await as('cityAdmin')).notification.list({});
    expect(inbox.items[0]).toMatchObject({ kind: 'objection', link: `/console/notices/${notice.id}` });
  });

  it('answers each objection once, and tells the assessment how the notice stands', async () => {
    const notice = await publish();
    const public_ = await anonymous();
    const a = await public_.notice.fileObjection({ noticeId: notice.id, unitId: f.units.U1, body: '问题一' });
    await public_.notice.fileObjection({
      noticeId: notice.id,
      unitId: f.units.U3,
      body: '问题二（另一单位）',
    });
    await public_.notice.fileObjection({ noticeId: notice.id, body: '问题三（未指明单位）' });
    expect(await conferralNoticeFor(t.db, f.campaigns.U1)).toEqual({
      noticeId: notice.id,
      startsOn: '2027-06-01',
      endsOn: '2027-06-07',
      openObjections: 2,
      upheldObjections: 0,
    });

    const admin = await as('cityAdmin');
    const inspector = await as('cityInspector');
    expect(
      (await failure(inspector.notice.answerObjection({ id: a.id, status: 'upheld', answer: '属实' }))).code,
    ).toBe('FORBIDDEN');
    const answered = await admin.notice.answerObjection({ id: a.id, status: 'upheld', answer: '经核查属实' });
    expect(answered).toMatchObject({
      status: 'upheld',
      answeredByName: 'city.admin',
      noticeTitle: notice.title,
    });
    const twice = await failure(
      admin.notice.answerObjection({ id: a.id, status: 'dismissed', answer: '改判' }),
    );
    expect(twice).toEqual({ code: 'CONFLICT', appCode: 'OBJECTION_ANSWERED' });
    expect(await conferralNoticeFor(t.db, f.campaigns.U1)).toMatchObject({
      openObjections: 1,
      upheldObjections: 1,
    });
    expect(await conferralNoticeFor(t.db, f.campaigns.U4)).toBeNull();
    expect((await admin.notice.objections({ status: 'open' })).items).toHaveLength(2);
    expect((await admin.notice.list({ window: 'open' })).items[0]).toMatchObject({
      id: notice.id,
      subjects: 2,
      objections: 3,
      openObjections: 2,
    });
  });

  it('lists the open notices publicly, and slows a flood of objections from one address', async () => {
    const notice = await publish();
    await publish('2027-07-01', '2027-07-07');
    const current = await (await anonymous()).notice.current({});
    expect(current.items.map((n) => n.id)).toEqual([notice.id]);
    expect(current.items[0]!.subjects).toHaveLength(2);
    const flood = await anonymous('192.0.2.77');
    for (let i = 0; i < 10; i++) await flood.notice.fileObjection({ noticeId: notice.id, body: `异议 ${i}` });
    const refused = await failure(flood.notice.fileObjection({ noticeId: notice.id, body: '再来一条' }));
    expect(refused).toEqual({ code: 'TOO_MANY_REQUESTS', appCode: 'RATE_LIMITED' });
  });

  it('refuses a window that ends before it starts, and a campaign of another unit', async () => {
    const admin = await as('cityAdmin');
    const backwards = await failure(
      admin.notice.publish({
        officeId: f.offices.C,
        kind: 'other',
        title: '公示',
        body: '内容',
        startsOn: '2027-06-07',
        endsOn: '2027-06-01',
        subjects: [{ unitId: f.units.U1 }],
      }),
    );
    expect(backwards.code).toBe('BAD_REQUEST');
    const wrongCampaign = await failure(
      admin.notice.publish({
        officeId: f.offices.C,
        kind: 'conferral',
        title: '公示',
        body: '内容',
        startsOn: '2027-06-01',
        endsOn: '2027-06-07',
        subjects: [{ unitId: f.units.U3, campaignId: f.campaigns.U1 }],
      }),
    );
    expect(wrongCampaign.code).toBe('BAD_REQUEST');
  });
});
