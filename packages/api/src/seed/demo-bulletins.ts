import { defineAbilityFor } from '@wenming/authz';
import { fixedClock } from '@wenming/core';
import type { Db } from '@wenming/db';
import { loadGrants } from '../auth/repository';
import type { Context } from '../context';
import { createSystemContext } from '../create-context';
import { createReminders } from '../notification/reminders';
import { appRouter } from '../router';
import { createCallerFactory } from '../trpc';
import { todayShift } from './demo-time';

/** First day of the quarter `back` quarters before the one `now` falls in (China's calendar). */
function quarterStart(now: Date, back: number): string {
  const [y, m] = todayShift(now, 0).split('-').map(Number) as [number, number];
  const index = y * 4 + Math.floor((m - 1) / 3) - back;
  return `${Math.floor(index / 4)}-${String((index % 4) * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * Bulletins (one acknowledged, one waiting), a public notice with an objection, a report
 * schedule with a filed and an overdue report, a leading-group meeting, and the inbox they
 * fill — for unit.admin.1 (清河区税务局) above all. Acts as the demo users where one exists,
 * so receipts carry their names.
 */
export async function seedDemoBulletins(db: Db, engine: 'pglite' | 'postgres', now: Date) {
  const clock = fixedClock(now);
  const system = createSystemContext({ db, engine, clock });
  const callerFor = async (username: string) => {
    const user = await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name'])
      .where('username', '=', username)
      .executeTakeFirst();
    if (!user) return createCallerFactory(appRouter)(system);
    const session = {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      sessionId: 'seed',
      grants: await loadGrants(db, user.id),
    };
    return createCallerFactory(appRouter)({
      ...system,
      user: session,
      ability: defineAbilityFor(session),
    } as Context);
  };
  const office = await callerFor('office.admin');
  const taxAdmin = await callerFor('unit.admin.1');
  const city = await db
    .selectFrom('offices')
    .select('id')
    .where('level', '=', 'city')
    .executeTakeFirstOrThrow();
  const units = await db.selectFrom('units').select(['id', 'code']).execute();
  const unit = (code: string) => units.find((u) => u.code === code)!.id;

  const praise = await office.bulletin.publish({
    officeId: city.id,
    kind: 'praise',
    title: '关于表扬第三季度文明创建工作先进单位的通报',
    body: '第三季度，清河区税务局、云山区人民法院创建工作组织有力、台账规范、群众满意度高，现予通报表扬。希望受表扬单位再接再厉，各单位学习借鉴。',
    unitIds: [unit('QH-SWJ'), unit('YS-FY')],
  });
  await taxAdmin.bulletin.acknowledge({ id: praise.id });

  const inspection = await db
    .selectFrom('inspections')
    .select('id')
    .where('title', '=', '第三季度创建工作督查')
    .executeTakeFirst();
  const findings = inspection
    ? await db
        .selectFrom('findings')
        .select(['id', 'unit_id'])
        .where('inspection_id', '=', inspection.id)
        .execute()
    : [];
  await office.bulletin.publish({
    officeId: city.id,
    kind: 'criticism',
    title: '关于第三季度创建工作督查发现问题的通报',
    body: '督查发现，部分单位会议纪要未及时归档、公益广告破损、卫生死角较多。请相关单位对照问题清单，于整改期限内完成整改并报送整改情况。',
    unitIds: [unit('QH-SWJ'), unit('QH-XFL')],
    ...(inspection ? { inspectionId: inspection.id, findingIds: findings.map((f) => f.id) } : {}),
  });

  const notice = await office.notice.publish({
    officeId: city.id,
    kind: 'conferral',
    title: '市级文明单位推荐对象公示',
    body: '经单位申报、实地测评和综合评议，拟推荐以下单位为市级文明单位。公示期间，任何单位和个人如有异议，可通过本页面或来信来电向市文明办反映。',
    startsOn: todayShift(now, -2),
    endsOn: todayShift(now, 4),
    subjects: [{ unitId: unit('QH-LWC') }, { unitId: unit('YS-ZJPX') }],
  });
  await createCallerFactory(appRouter)({
    ...system,
    user: null,
    request: { ip: '203.0.113.20', userAgent: 'demo' },
  } as Context).notice.fileObjection({
    noticeId: notice.id,
    unitId: unit('QH-LWC'),
    body: '该村村口垃圾堆放点长期未清理，群众意见较大，建议核实。',
    contact: '李先生 139****2201',
  });

  const schedule = await office.report.createSchedule({
    officeId: city.id,
    title: '文明创建工作季度报告',
    period: 'quarterly',
    dueDay: 10,
    startsOn: quarterStart(now, 2),
    unitIds: [unit('QH-SWJ'), unit('YS-FY')],
  });
  await taxAdmin.report.file({
    scheduleId: schedule.id,
    unitId: unit('QH-SWJ'),
    periodKey: quarterStart(now, 2),
    title: '文明创建工作季度报告',
    body: '本季度召开领导小组例会2次，开展志愿服务4次、文明礼仪培训1次；完成台账归档；办税服务厅设立党员示范岗。下季度将重点推进窗口服务提升和环境整治。',
  });

  await taxAdmin.meeting.record({
    unitId: unit('QH-SWJ'),
    title: '创建工作领导小组例会',
    heldOn: todayShift(now, -12),
    place: '局三楼会议室',
    attendees: ['局长', '分管副局长', '办公室主任', '纳税服务科科长', '征收管理科科长'],
    absentees: [],
    minutes:
      '一、通报第三季度督查发现的问题；二、部署会议纪要补齐归档工作，由办公室牵头，两周内完成；三、研究文明职工评选方案。',
  });
  // Deadlines near or past already have their reminders, as if the server had run a while.
  await createReminders(db, now);
}
