import type { Db } from '@wenming/db';
import type { Fixture } from '../testing/index';
import { ALL_OK, items, type Probe, READ_OWN, type Target } from './probe-kit';

/**
 * The permission-matrix rows of bulletins, public notices, reports, meetings and the
 * inbox (spread into the matrix's probes). Targets are made per probe, like inspectionOf.
 */

/** Only office admins act for an office; nobody else even sees the office (unit staff) or may (the rest). */
const OFFICE_ADMIN_ONLY = 'ok NF | FB NF | FB NF | NF NF | NF NF | NF NF';
/** Only the unit's campaign office acts; office staff see the target but may not. */
const UNIT_ADMIN_ONLY = 'FB NF | FB NF | FB NF | ok NF | FB NF | FB NF';

export function supervisionProbes(db: () => Db): Record<string, Probe> {
  const office = (f: Fixture, t: Target) => (t === 'own' ? f.offices.D1 : f.offices.C2);
  const unit = (f: Fixture, t: Target) => (t === 'own' ? f.units.U1 : f.units.U4);
  const tenant = (f: Fixture, t: Target) => ({ office_id: office(f, t), unit_id: unit(f, t) });

  async function bulletinOf(f: Fixture, t: Target) {
    const row = await db()
      .insertInto('bulletins')
      .values({
        office_id: office(f, t),
        kind: 'praise',
        title: '通报',
        body: '表扬',
        published_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('bulletin_recipients')
      .values({ bulletin_id: row.id, ...tenant(f, t) })
      .execute();
    return row.id;
  }
  async function noticeOf(f: Fixture, t: Target) {
    const row = await db()
      .insertInto('notices')
      .values({
        office_id: office(f, t),
        kind: 'conferral',
        title: '公示',
        body: '拟命名',
        starts_on: '2026-01-01',
        ends_on: '2099-12-31',
        published_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('notice_subjects')
      .values({ notice_id: row.id, ...tenant(f, t), unit_name: '单位' })
      .execute();
    return row.id;
  }
  async function objectionOf(f: Fixture, t: Target) {
    const row = await db()
      .insertInto('objections')
      .values({ notice_id: await noticeOf(f, t), ...tenant(f, t), body: '异议', filed_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  async function scheduleOf(f: Fixture, t: Target) {
    const row = await db()
      .insertInto('report_schedules')
      .values({
        office_id: office(f, t),
        title: '季度工作报告',
        period: 'quarterly',
        due_day: 10,
        starts_on: '2026-01-01',
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('report_schedule_units')
      .values({ schedule_id: row.id, ...tenant(f, t) })
      .execute();
    return row.id;
  }
  async function reportOf(f: Fixture, t: Target) {
    const row = await db()
      .insertInto('reports')
      .values({
        schedule_id: await scheduleOf(f, t),
        ...tenant(f, t),
        period_key: '2026-01-01',
        due_on: '2026-04-10',
        title: '一季度工作报告',
        body: '报告',
        filed_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  async function meetingOf(f: Fixture, t: Target) {
    const row = await db()
      .insertInto('meetings')
      .values({
        ...tenant(f, t),
        title: '领导小组例会',
        held_on: '2026-03-01',
        attendees: ['组长'],
        minutes: '纪要',
        recorded_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  return {
    'bulletin.list': { call: (c) => c.bulletin.list({}), expect: ALL_OK, ids: items },
    'bulletin.get': {
      call: async (c, f, t) => c.bulletin.get({ id: await bulletinOf(f, t) }),
      expect: READ_OWN,
    },
    'bulletin.publish': {
      call: (c, f, t) =>
        c.bulletin.publish({
          officeId: office(f, t),
          kind: 'criticism',
          title: '通报',
          body: '批评',
          unitIds: [unit(f, t)],
        }),
      expect: OFFICE_ADMIN_ONLY,
    },
    'bulletin.acknowledge': {
      call: async (c, f, t) => c.bulletin.acknowledge({ id: await bulletinOf(f, t) }),
      expect: UNIT_ADMIN_ONLY,
    },
    'notice.list': { call: (c) => c.notice.list({}), expect: ALL_OK, ids: items },
    'notice.get': { call: async (c, f, t) => c.notice.get({ id: await noticeOf(f, t) }), expect: READ_OWN },
    'notice.publish': {
      call: (c, f, t) =>
        c.notice.publish({
          officeId: office(f, t),
          kind: 'conferral',
          title: '公示',
          body: '拟命名',
          startsOn: '2026-01-01',
          endsOn: '2026-01-07',
          subjects: [{ unitId: unit(f, t) }],
        }),
      expect: OFFICE_ADMIN_ONLY,
    },
    'notice.objections': { call: (c) => c.notice.objections({}), expect: ALL_OK, ids: items },
    'notice.answerObjection': {
      // Units never see objections about them: for unit staff they do not exist.
      call: async (c, f, t) =>
        c.notice.answerObjection({
          id: await objectionOf(f, t),
          status: 'dismissed',
          answer: '经核查不属实',
        }),
      expect: 'ok NF | FB NF | FB NF | NF NF | NF NF | NF NF',
    },
    'notice.current': { public: true },
    'notice.fileObjection': { public: true },
    'report.schedules': { call: (c) => c.report.schedules({}), expect: ALL_OK, ids: items },
    'report.createSchedule': {
      call: (c, f, t) =>
        c.report.createSchedule({
          officeId: office(f, t),
          title: '季度工作报告',
          period: 'quarterly',
          dueDay: 10,
          startsOn: '2026-01-01',
          unitIds: [unit(f, t)],
        }),
      expect: OFFICE_ADMIN_ONLY,
    },
    'report.setScheduleActive': {
      call: async (c, f, t) => c.report.setScheduleActive({ id: await scheduleOf(f, t), active: false }),
      expect: 'ok NF | FB NF | FB NF | FB NF | FB NF | FB NF',
    },
    'report.due': { call: (c) => c.report.due({}), expect: ALL_OK },
    'report.get': { call: async (c, f, t) => c.report.get({ id: await reportOf(f, t) }), expect: READ_OWN },
    'report.file': {
      call: async (c, f, t) =>
        c.report.file({
          scheduleId: await scheduleOf(f, t),
          unitId: unit(f, t),
          periodKey: '2026-01-01',
          title: '一季度工作报告',
          body: '本季度开展志愿服务三次',
        }),
      expect: UNIT_ADMIN_ONLY,
    },
    'meeting.list': { call: (c) => c.meeting.list({}), expect: ALL_OK, ids: items },
    'meeting.get': {
      call: async (c, f, t) => c.meeting.get({ id: await meetingOf(f, t) }),
      expect: READ_OWN,
    },
    'meeting.record': {
      call: (c, f, t) =>
        c.meeting.record({
          unitId: unit(f, t),
          title: '领导小组例会',
          heldOn: '2026-03-01',
          attendees: ['组长', '副组长'],
          minutes: '研究部署创建工作',
        }),
      expect: UNIT_ADMIN_ONLY,
    },
    // The inbox is everyone's own: each role reads and clears only its own items.
    'notification.list': { call: (c) => c.notification.list({}), expect: ALL_OK, ids: items },
    'notification.unreadCount': { call: (c) => c.notification.unreadCount(), expect: ALL_OK },
    'notification.markRead': { call: (c) => c.notification.markRead({ all: true }), expect: ALL_OK },
    'notification.settings': { call: (c) => c.notification.settings(), expect: ALL_OK },
    'notification.updateSettings': {
      call: (c) => c.notification.updateSettings({ email: 'someone@example.com' }),
      expect: ALL_OK,
    },
  };
}
