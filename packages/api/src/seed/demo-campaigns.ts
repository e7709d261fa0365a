import { readFileSync } from 'node:fs';
import type { CampaignPhase, Db } from '@wenming/db';
import { createSystemContext } from '../create-context';
import { appRouter } from '../router';
import { createCallerFactory } from '../trpc';
import { PREVIOUS_TERM_UNIT, seedPreviousTerm } from './demo-previous-term';
import { type TFrameworkFile, todayShift } from './demo-time';

const FRAMEWORK_FILES = [
  'national-unit-2012-trial.json',
  'generic-six-aspects.json',
  'city-unit-template.json',
];

/** Which framework applies to which target level across the demo province. */
const PUBLICATIONS = [
  { code: 'CN-NAT-UNIT-2012T', levels: ['national'] },
  { code: 'CN-PROV-UNIT-SIX-ASPECTS', levels: ['provincial'] },
  { code: 'CN-CITY-UNIT-TEMPLATE', levels: ['county', 'city', 'city_model'] },
] as const;

interface DemoCampaign {
  unit: string;
  kind: 'renewal' | 'upgrade';
  target: 'county' | 'city' | 'city_model' | 'provincial' | 'national';
  term: [number, number];
  phase: CampaignPhase;
}

/** Every demo unit has a campaign, in as many different phases as there are. */
export const DEMO_CAMPAIGNS: DemoCampaign[] = [
  { unit: 'QH-SWJ', kind: 'renewal', target: 'city', term: [2027, 2029], phase: 'implementation' },
  { unit: 'QH-SYXX', kind: 'renewal', target: 'provincial', term: [2026, 2028], phase: 'submitted' },
  { unit: 'QH-RMYY', kind: 'upgrade', target: 'provincial', term: [2027, 2029], phase: 'mobilization' },
  { unit: 'QH-XFL', kind: 'upgrade', target: 'city', term: [2026, 2028], phase: 'consolidation' },
  { unit: 'QH-ZLS', kind: 'upgrade', target: 'county', term: [2027, 2029], phase: 'draft' },
  { unit: 'QH-GJJ', kind: 'renewal', target: 'provincial', term: [2025, 2027], phase: 'under_assessment' },
  { unit: 'QH-LWC', kind: 'upgrade', target: 'city', term: [2027, 2029], phase: 'implementation' },
  { unit: 'YS-FY', kind: 'renewal', target: 'provincial', term: [2027, 2029], phase: 'draft' },
  { unit: 'YS-ZJPX', kind: 'upgrade', target: 'city_model', term: [2027, 2029], phase: 'mobilization' },
  { unit: 'YS-CZ', kind: 'upgrade', target: 'county', term: [2026, 2028], phase: 'implementation' },
  { unit: 'YS-ZYY', kind: 'renewal', target: 'county', term: [2026, 2028], phase: 'consolidation' },
  { unit: 'YS-GDGS', kind: 'renewal', target: 'national', term: [2027, 2029], phase: 'implementation' },
  { unit: 'YS-SYZX', kind: 'upgrade', target: 'provincial', term: [2027, 2029], phase: 'draft' },
  { unit: 'YS-SJJ', kind: 'upgrade', target: 'county', term: [2027, 2029], phase: 'withdrawn' },
];

const PATH: CampaignPhase[] = [
  'draft',
  'mobilization',
  'implementation',
  'consolidation',
  'submitted',
  'under_assessment',
];

const LEADERS = [
  '王志强',
  '李建华',
  '张海燕',
  '刘国栋',
  '陈晓红',
  '杨明',
  '赵立新',
  '黄文静',
  '周建军',
  '吴红梅',
  '徐卫东',
  '孙丽萍',
  '马俊',
  '朱玉兰',
];

export function readDemoFramework(file: string): TFrameworkFile {
  return JSON.parse(readFileSync(new URL(`./frameworks/${file}`, import.meta.url), 'utf8')) as TFrameworkFile;
}

/**
 * Frameworks, their publication and a campaign per demo unit, made through the API itself
 * (as the operator), so demo data obeys the same rules as real data.
 */
export async function seedDemoCampaigns(db: Db, engine: 'pglite' | 'postgres', now: Date) {
  const caller = createCallerFactory(appRouter)(createSystemContext({ db, engine }));
  const province = await db
    .selectFrom('offices')
    .select('id')
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const ids = new Map<string, string>();
  for (const file of FRAMEWORK_FILES) {
    const { framework } = await caller.framework.import({ file: readDemoFramework(file), fileName: file });
    ids.set(framework.code, framework.id);
  }
  for (const p of PUBLICATIONS) {
    for (const level of p.levels) {
      await caller.framework.publish({
        officeId: province.id,
        frameworkId: ids.get(p.code)!,
        targetLevel: level,
      });
    }
  }

  const units = await db.selectFrom('units').select(['id', 'code']).execute();
  for (const [n, demo] of DEMO_CAMPAIGNS.entries()) {
    const unitId = units.find((u) => u.code === demo.unit)!.id;
    const departments = await db
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('unit_id', '=', unitId)
      .orderBy('name')
      .execute();
    if (demo.unit === PREVIOUS_TERM_UNIT) await seedPreviousTerm(db, engine, unitId, now);
    let c = await caller.campaign.open({
      unitId,
      kind: demo.kind,
      targetLevel: demo.target,
      termStartYear: demo.term[0],
      termEndYear: demo.term[1],
    });
    if (demo.phase === 'withdrawn') {
      await caller.campaign.transition({ id: c.id, to: 'withdrawn', comment: '单位机构调整，本轮暂缓创建' });
      continue;
    }
    const target = PATH.indexOf(demo.phase);
    if (target === 0 && n % 2 === 0) continue; // some drafts are truly blank
    c = await caller.campaign.setLeadingGroup({
      id: c.id,
      version: c.version,
      members: [
        { role: 'leader', name: LEADERS[n]!, title: '主要负责人' },
        {
          role: 'deputy',
          name: LEADERS[(n + 5) % LEADERS.length]!,
          title: '分管负责人',
          departmentId: departments[0]?.id,
        },
        {
          role: 'member',
          name: LEADERS[(n + 9) % LEADERS.length]!,
          title: '科室负责人',
          departmentId: departments[1]?.id,
        },
        {
          role: 'contact',
          name: LEADERS[(n + 3) % LEADERS.length]!,
          title: '创建办联络员',
          phone: `0571-8${String(7000000 + n * 1111)}`,
        },
      ],
    });
    c = await caller.campaign.updatePlans({
      id: c.id,
      version: c.version,
      plan: `${demo.term[0]}—${demo.term[1]}年创建规划\n一、指导思想\n二、创建目标：${demo.kind === 'renewal' ? '巩固' : '争创'}文明单位\n三、主要措施\n四、组织保障`,
      implementationPlan:
        target >= 1
          ? '实施方案：按测评体系将创建任务逐项分解到责任领导和责任科室，明确完成时限，每季度督查一次。'
          : '',
    });
    if (target < 1) continue;
    await caller.campaign.transition({ id: c.id, to: 'mobilization', comment: '召开创建动员大会' });
    if (target < 2) continue;
    await caller.task.generate({ campaignId: c.id, deadline: todayShift(now, 60) });
    const tasks = (await caller.task.list({ campaignId: c.id, limit: 200 })).items;
    for (const [i, task] of tasks.entries()) {
      const dept = departments[i % Math.max(departments.length, 1)];
      const late = i % 5 === 4;
      const status = target >= 4 ? 'done' : i % 3 === 0 ? 'done' : i % 3 === 1 ? 'in_progress' : 'todo';
      await caller.task.update({
        id: task.id,
        version: task.version,
        departmentId: dept?.id ?? null,
        responsibleLeader: LEADERS[(n + i) % LEADERS.length],
        deadline: todayShift(now, late ? -10 - i : 20 + i * 7),
        status,
        progressNote:
          status === 'done'
            ? '已完成，相关材料已归档'
            : status === 'in_progress'
              ? '正在推进，已完成约一半'
              : '',
      });
    }
    for (const to of PATH.slice(2, target + 1))
      await caller.campaign.transition({
        id: c.id,
        to,
        comment: to === 'under_assessment' ? '材料齐全，予以受理' : undefined,
      });
  }
}
