import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';
import { notify, notifyAll } from './notify';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const clock = fixedClock('2027-05-10T02:00:00Z');
beforeEach(() => clock.set('2027-05-10T02:00:00Z'));
const as = (who: keyof Fixture['users']) => callerAs(t.db, f.users[who], { clock });
const inboxOf = async (who: keyof Fixture['users']) =>
  (await (await as(who)).notification.list({ limit: 200 })).items;

describe('the inbox', () => {
  it('lists unread first, newest first, page by page, and marks only the caller’s own items read', async () => {
    for (const [i, day] of ['05', '06', '07', '08'].entries()) {
      await notify(t.db, {
        userIds: [f.users.unit1Admin],
        kind: 'other',
        message: { title: `消息 ${i}` },
        at: new Date(`2027-05-${day}T02:00:00Z`),
      });
    }
    await notify(t.db, { userIds: [f.users.unit4Admin], kind: 'other', message: { title: '别人的消息' } });
    const me = await as('unit1Admin');
    const oldest = (await me.notification.list({})).items.at(-1)!;
    expect(oldest.title).toBe('消息 0');
    expect((await me.notification.markRead({ ids: [oldest.id] })).updated).toBe(1);

    const titles: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await me.notification.list({ limit: 1, ...(cursor ? { cursor } : {}) });
      titles.push(...page.items.map((n) => n.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // Read items come after every unread one.
    expect(titles).toEqual(['消息 3', '消息 2', '消息 1', '消息 0']);
    expect((await me.notification.unreadCount()).count).toBe(3);

    // Someone else's id is simply not the caller's: nothing changes, nothing is revealed.
    const theirs = (await inboxOf('unit4Admin'))[0]!;
    expect((await me.notification.markRead({ ids: [theirs.id] })).updated).toBe(0);
    expect((await inboxOf('unit4Admin'))[0]!.readAt).toBeNull();
    expect((await me.notification.markRead({ all: true })).updated).toBe(3);
    expect((await me.notification.unreadCount()).count).toBe(0);
    expect((await me.notification.list({ unread: true })).items).toEqual([]);
  });

  it('keeps items written before English was kept readable, in Chinese', async () => {
    await notify(t.db, {
      userIds: [f.users.unit1Admin],
      kind: 'other',
      message: { title: '新消息' },
      at: new Date('2027-05-09T02:00:00Z'),
    });
    // As a row written by an older server: no English columns filled.
    await t.db
      .insertInto('notifications')
      .values({
        office_id: f.offices.D1,
        user_id: f.users.unit1Admin,
        kind: 'other',
        title: '旧消息',
        body: '旧正文',
        created_at: new Date('2027-05-01T02:00:00Z'),
      })
      .execute();
    const [fresh, old] = await inboxOf('unit1Admin');
    expect(fresh).toMatchObject({ title: '新消息', titleEn: '新消息' });
    expect(old).toMatchObject({ title: '旧消息', body: '旧正文', titleEn: null, bodyEn: null });
  });

  it('refuses an empty mark-read and a malformed email address', async () => {
    const me = await as('unit1Admin');
    expect((await failure(me.notification.markRead({ ids: [] }))).code).toBe('BAD_REQUEST');
    expect((await failure(me.notification.updateSettings({ email: 'not an address' }))).code).toBe(
      'BAD_REQUEST',
    );
    expect(await me.notification.updateSettings({ email: 'chen@example.com' })).toEqual({
      email: 'chen@example.com',
      emailAvailable: false,
    });
    expect((await me.notification.updateSettings({ email: '' })).email).toBeNull();
  });
});

describe('what notifies whom', () => {
  it('many notices in one statement reach whom each would alone, once per user and deadline', async () => {
    const at = new Date('2027-05-09T02:00:00Z');
    await t.db.updateTable('users').set({ active: false }).where('id', '=', f.users.unit4Admin).execute();
    const created = await notifyAll(t.db, [
      // The unit's campaign office, and the same deadline again for the office and its issuer.
      {
        unitId: f.units.U1,
        kind: 'overdue',
        message: { title: '整改逾期' },
        dedupeKey: 'k1',
        link: '/portal/x',
        at,
      },
      {
        officeId: f.offices.C,
        userIds: [f.users.cityInspector, f.users.unit1Admin],
        kind: 'overdue',
        message: { title: '整改逾期' },
        dedupeKey: 'k1',
        link: '/console/x',
        at,
      },
      // A unit whose only admin left, and an item naming nobody: nothing for either.
      { unitId: f.units.U4, kind: 'other', message: { title: '无人' }, at },
      { kind: 'other', message: { title: '无人' }, at },
      // A district office's admins, with an English text.
      { officeId: f.offices.D1, kind: 'other', message: { title: { zh: '通知', en: 'Notice' } }, at },
    ]);
    expect(created).toBe(4);
    // unit1Admin was named twice under k1: the unit's item, which came first, is the one kept.
    expect(await inboxOf('unit1Admin')).toMatchObject([{ title: '整改逾期', link: '/portal/x' }]);
    expect(await inboxOf('cityAdmin')).toMatchObject([{ link: '/console/x' }]);
    expect(await inboxOf('cityInspector')).toMatchObject([{ link: '/console/x' }]);
    expect((await inboxOf('district1Admin')).map((n) => n.title)).toEqual(['通知']);
    expect(await inboxOf('unit1Member')).toEqual([]);
    // The same set again adds nothing, however it is sent.
    expect(
      await notify(t.db, {
        unitId: f.units.U1,
        kind: 'overdue',
        message: { title: '整改逾期' },
        dedupeKey: 'k1',
      }),
    ).toBe(0);
    expect(await notifyAll(t.db, [])).toBe(0);
  });

  it('a rectification order reaches the unit’s campaign office; the answer reaches the issuer', async () => {
    const inspector = await as('cityInspector');
    let order = await inspector.rectification.issue({
      unitId: f.units.U1,
      title: '补齐会议纪要',
      requirement: '补齐二季度领导小组会议纪要',
      deadline: '2027-05-20',
    });
    expect(await inboxOf('unit1Admin')).toMatchObject([
      { kind: 'rectification_issued', link: `/portal/rectifications/${order.id}`, readAt: null },
    ]);
    expect(await inboxOf('unit1Member')).toEqual([]);
    expect(await inboxOf('unit4Admin')).toEqual([]);
    order = await (await as('unit1Admin')).rectification.answer({
      id: order.id,
      version: order.version,
      plan: '已补齐',
    });
    expect((await inboxOf('cityInspector'))[0]).toMatchObject({ kind: 'rectification_answered' });
    clock.set('2027-05-11T02:00:00Z');
    await inspector.rectification.verify({
      id: order.id,
      version: order.version,
      decision: 'return',
      comment: '缺签字',
    });
    expect((await inboxOf('unit1Admin'))[0]).toMatchObject({
      kind: 'rectification_returned',
      body: '缺签字',
    });
  });

  it('an unannounced inspection tells the unit nothing until it is completed', async () => {
    const admin = await as('cityAdmin');
    const inspection = await admin.inspection.create({
      officeId: f.offices.C,
      kind: 'unannounced',
      title: '窗口暗访',
      plannedOn: '2027-05-12',
      unitIds: [f.units.U1],
      checklist: [{ key: 'k', label: '文明用语' }],
    });
    const withFinding = await admin.inspection.addFinding({
      inspectionId: inspection.id,
      unitId: f.units.U1,
      severity: 'major',
      description: '窗口人员脱岗',
    });
    // Not even through an order drawn from its finding.
    const early = await failure(
      admin.rectification.issue({
        findingId: withFinding.findings[0]!.id,
        unitId: f.units.U1,
        title: '整改',
        requirement: '整改要求',
        deadline: '2027-06-01',
      }),
    );
    expect(early.appCode).toBe('INSPECTION_NOT_VISIBLE');
    for (const who of ['unit1Admin', 'unit1HeadA', 'unit1Member'] as const) {
      expect(await inboxOf(who)).toEqual([]);
      expect((await (await as(who)).notification.unreadCount()).count).toBe(0);
    }
    await admin.inspection.complete({ id: inspection.id });
    expect(await inboxOf('unit1Admin')).toMatchObject([{ kind: 'inspection', title: '暗访结果：窗口暗访' }]);

    // An announced inspection is announced when planned.
    clock.set('2027-05-11T02:00:00Z');
    await admin.inspection.create({
      officeId: f.offices.C,
      kind: 'routine',
      title: '季度督查',
      plannedOn: '2027-05-20',
      unitIds: [f.units.U1],
      checklist: [{ key: 'k', label: '台账' }],
    });
    expect((await inboxOf('unit1Admin'))[0]).toMatchObject({
      kind: 'inspection',
      title: '督查安排：季度督查',
      body: '计划日期 2027-05-20',
      // An English reader sees the same item in English; what the office typed stays as typed.
      titleEn: 'Inspection scheduled: 季度督查',
      bodyEn: 'Planned for 2027-05-20',
    });
  });
});
