import { defineAbilityFor } from '@wenming/authz';
import type { Db } from '@wenming/db';
import { loadGrants } from '../auth/repository';
import type { AuthedContext } from '../context';
import { createSystemContext } from '../create-context';
import { appRouter } from '../router';
import { createCallerFactory } from '../trpc';
import { todayShift } from './demo-time';

const SUGGESTIONS = [
  {
    by: 'dept.head.1',
    title: '设立党员示范岗',
    body: '在办税服务厅设立党员示范岗，亮身份、作表率，把创建落到窗口。',
    reply: { status: 'adopted', text: '采纳，已纳入任务分解，由纳税服务科牵头落实。' },
  },
  {
    by: 'dept.head.1',
    title: '办税大厅增设爱心座椅和老花镜',
    body: '不少老年纳税人来办业务，建议在等候区增设爱心座椅、老花镜和饮水点。',
    reply: { status: 'noted', text: '已记录，结合大厅改造一并考虑。' },
  },
  {
    by: 'unit.admin.1',
    title: '每周五下午集中打扫办公区',
    body: '建议固定每周五下午为卫生时间，各科室分片包干。',
    reply: { status: 'declined', text: '各科室已有日常保洁安排，暂不另设集中时间，谢谢建议。' },
  },
  {
    by: 'dept.head.1',
    title: '开展文明礼仪培训',
    body: '建议每季度开展一次文明礼仪培训，新入职人员必须参加。',
  },
  { by: 'unit.admin.1', title: '设立创建意见箱', body: '在一楼大厅设立创建意见箱，每月开箱一次并公开答复。' },
] as const;

const WRITEUPS = [
  {
    by: 'dept.head.1',
    title: '窗口服务中的文明创建',
    body: '参加创建以来，纳税服务科把"微笑服务、一次告知"写进岗位规范。群众的一句"谢谢"，是我们最大的动力。今后我们将继续把创建要求落实到每一次服务中。',
  },
  {
    by: 'unit.admin.1',
    title: '创建台账要随做随记',
    body: '过去活动做了却没有留下记录，检查时拿不出材料。现在每项活动当天拍照、当天归档，台账不再是迎检前的突击任务。',
  },
] as const;

/**
 * The suggestion drive, write-ups and selections of 清河区税务局: replies of every kind (one
 * adopted into a task), a finished 文明职工 selection filed in the ledger, and a 岗位能手
 * selection still being voted on. Staff act as themselves when the demo accounts exist.
 */
export async function seedDemoParticipation(db: Db, engine: 'pglite' | 'postgres', now: Date) {
  // The demo's day, not the machine's (a prepared city is moved to later days by it), running on
  // as a clock does, so what is created later in the seed still lists as later.
  const started = Date.now();
  const clock = { now: () => new Date(now.getTime() + Date.now() - started) };
  const system = createSystemContext({ db, engine, clock }) as AuthedContext;
  const asSystem = createCallerFactory(appRouter)(system);
  const unit = await db
    .selectFrom('units')
    .select(['id'])
    .where('code', '=', 'QH-SWJ')
    .executeTakeFirstOrThrow();
  const as = async (username: string) => {
    const user = await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name'])
      .where('username', '=', username)
      .executeTakeFirst();
    if (!user) return null;
    const session = {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      sessionId: 'demo-seed',
      grants: await loadGrants(db, user.id),
    };
    return createCallerFactory(appRouter)({ ...system, user: session, ability: defineAbilityFor(session) });
  };
  const staff = { 'dept.head.1': await as('dept.head.1'), 'unit.admin.1': await as('unit.admin.1') };

  const campaign = await db
    .selectFrom('campaigns')
    .select('id')
    .where('unit_id', '=', unit.id)
    .where('phase', 'not in', ['decided', 'withdrawn'])
    .executeTakeFirst();
  if (campaign) {
    const task = await db
      .selectFrom('tasks')
      .select('id')
      .where('campaign_id', '=', campaign.id)
      .orderBy('title')
      .executeTakeFirst();
    for (const s of SUGGESTIONS) {
      const created = await (staff[s.by] ?? asSystem).suggestion.create({
        campaignId: campaign.id,
        title: s.title,
        body: s.body,
      });
      if ('reply' in s)
        await (staff['unit.admin.1'] ?? asSystem).suggestion.reply({
          id: created.id,
          status: s.reply.status,
          reply: s.reply.text,
          taskId: s.reply.status === 'adopted' ? task?.id : undefined,
          version: created.version,
        });
    }
    for (const w of WRITEUPS)
      await (staff[w.by] ?? asSystem).writeup.create({
        campaignId: campaign.id,
        title: w.title,
        body: w.body,
      });
  }

  const departments = await db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('unit_id', '=', unit.id)
    .execute();
  const dept = (name: string) => departments.find((d) => d.name === name)?.id;
  const year = todayShift(now, 0).slice(0, 4);
  const admin = staff['unit.admin.1'] ?? asSystem;

  let finished = await admin.selection.create({
    unitId: unit.id,
    campaignId: campaign?.id,
    title: `${year}年度文明职工评选`,
    category: 'civilized_staff',
    winners: 1,
  });
  for (const n of [
    { name: '李娜', departmentId: dept('纳税服务科'), reason: '服务窗口全年零投诉，群众多次来信表扬' },
    { name: '王磊', departmentId: dept('征收管理科'), reason: '业务骨干，带教新人三名' },
  ])
    finished = await admin.selection.nominate({ selectionId: finished.id, ...n });
  await admin.selection.startVoting({ id: finished.id });
  const li = finished.nominees.find((n) => n.name === '李娜')!;
  // Only staff of the unit vote; without the demo accounts the selection stays open for voting.
  if (staff['dept.head.1'] && staff['unit.admin.1']) {
    await staff['dept.head.1'].selection.vote({ selectionId: finished.id, nomineeId: li.id });
    await staff['unit.admin.1'].selection.vote({ selectionId: finished.id, nomineeId: li.id });
    await admin.selection.publish({ id: finished.id });
  }

  let running = await admin.selection.create({
    unitId: unit.id,
    campaignId: campaign?.id,
    title: `${year}年度岗位能手评选`,
    category: 'post_expert',
    winners: 2,
  });
  for (const n of [
    { name: '赵敏', departmentId: dept('纳税服务科'), reason: '熟练掌握全部涉税业务，办件量全局第一' },
    { name: '孙浩', departmentId: dept('征收管理科'), reason: '牵头梳理征管流程，压缩办理时限三成' },
    { name: '周婷', departmentId: dept('办公室'), reason: '公文处理零差错' },
  ])
    running = await admin.selection.nominate({ selectionId: running.id, ...n });
  await admin.selection.startVoting({ id: running.id });
}
