import { randomBytes } from 'node:crypto';
import type { Db } from '@wenming/db';
import type { TQuestion } from '@wenming/domain';
import type { AuthedContext } from '../context';
import { createSystemContext } from '../create-context';
import { appRouter } from '../router';
import { createCallerFactory } from '../trpc';
import { todayShift } from './demo-time';

/** The demo's satisfaction questionnaire; the city-scale generator answers the same one. */
export const DEMO_SURVEY_QUESTIONS: TQuestion[] = [
  {
    id: 'overall',
    kind: 'scale5',
    required: true,
    title: { zh: '您对本单位文明创建工作的总体满意度', en: 'Overall satisfaction with the campaign' },
    options: [],
    maxLength: 500,
  },
  {
    id: 'service',
    kind: 'scale5',
    required: true,
    title: { zh: '您对窗口服务态度的满意度', en: 'Satisfaction with counter service' },
    options: [],
    maxLength: 500,
  },
  {
    id: 'who',
    kind: 'single',
    required: true,
    title: { zh: '您的身份', en: 'You are' },
    options: [
      { id: 'resident', label: { zh: '周边居民', en: 'Resident' } },
      { id: 'visitor', label: { zh: '办事群众', en: 'Visitor' } },
      { id: 'staff', label: { zh: '本单位职工', en: 'Staff' } },
    ],
    maxLength: 500,
  },
  {
    id: 'advice',
    kind: 'text',
    required: false,
    title: { zh: '您的意见和建议', en: 'Your advice' },
    options: [],
    maxLength: 500,
  },
];
const ADVICE = ['窗口服务很热情', '希望延长周末办事时间', '办事指南可以再清楚一些', '环境整洁，点赞', ''];

/**
 * Surveys with answers, inspections (one unannounced still planned for 清河区税务局), open,
 * overdue and closed rectification orders — so every supervision screen has something to show.
 */
export async function seedDemoSupervision(db: Db, engine: 'pglite' | 'postgres', now: Date) {
  const ctx = createSystemContext({ db, engine }) as AuthedContext;
  const caller = createCallerFactory(appRouter)(ctx);
  const city = await db
    .selectFrom('offices')
    .select('id')
    .where('level', '=', 'city')
    .executeTakeFirstOrThrow();
  const units = await db.selectFrom('units').select(['id', 'code', 'office_id']).orderBy('code').execute();
  const unit = (code: string) => units.find((u) => u.code === code)!;

  const survey = await caller.survey.create({
    officeId: city.id,
    unitIds: units.map((u) => u.id),
    title: {
      zh: `${todayShift(now, 0).slice(0, 4)}年度群众满意度测评`,
      en: 'Annual public satisfaction survey',
    },
    description: '本测评匿名进行，约需 2 分钟。',
    audience: 'public',
    questions: DEMO_SURVEY_QUESTIONS,
    opensOn: todayShift(now, -20),
    closesOn: todayShift(now, 40),
  });
  await caller.survey.open({ id: survey.id });
  for (const [n, u] of units.entries()) {
    const rows = Array.from({ length: 120 + ((n * 37) % 180) }, (_, i) => {
      const base = 3 + ((n + i) % 3);
      return {
        survey_id: survey.id,
        office_id: u.office_id,
        unit_id: u.id,
        respondent: randomBytes(12).toString('hex'),
        answers: JSON.stringify({
          overall: Math.min(5, base),
          service: Math.max(1, base - (i % 4 === 0 ? 2 : 0)),
          who: ['resident', 'visitor', 'staff'][i % 3],
          ...(i % 5 ? {} : { advice: ADVICE[(n + i) % ADVICE.length] || '无' }),
        }),
        submitted_at: new Date(now.getTime() - ((i * 7919) % (18 * 86_400_000))),
      };
    });
    await db.insertInto('survey_responses').values(rows).execute();
  }

  const routine = await caller.inspection.create({
    officeId: city.id,
    kind: 'routine',
    title: '第三季度创建工作督查',
    plannedOn: todayShift(now, -30),
    unitIds: [unit('QH-SWJ').id, unit('QH-XFL').id, unit('YS-CZ').id],
    checklist: [
      { key: 'org', label: '创建工作领导小组健全，分工明确' },
      { key: 'ledger', label: '台账资料完整、及时归档' },
      { key: 'env', label: '环境整洁，公益广告规范' },
    ],
  });
  for (const [key, result] of [
    ['org', 'meets'],
    ['ledger', 'partly'],
    ['env', 'fails'],
  ] as const) {
    await caller.inspection.recordResult({
      inspectionId: routine.id,
      unitId: unit('QH-XFL').id,
      itemKey: key,
      result,
      notes: result === 'meets' ? '' : '现场发现问题',
    });
  }
  const withFinding = await caller.inspection.addFinding({
    inspectionId: routine.id,
    unitId: unit('QH-XFL').id,
    itemKey: 'env',
    severity: 'major',
    description: '社区广场公益广告破损，卫生死角多处',
  });
  await caller.inspection.addFinding({
    inspectionId: routine.id,
    unitId: unit('QH-SWJ').id,
    itemKey: 'ledger',
    severity: 'minor',
    description: '二季度领导小组会议纪要未归档',
  });
  await caller.inspection.complete({ id: routine.id });
  await caller.inspection.create({
    officeId: city.id,
    kind: 'unannounced',
    title: '窗口服务暗访',
    plannedOn: todayShift(now, 5),
    unitIds: [unit('QH-SWJ').id, unit('YS-FY').id],
    checklist: [{ key: 'counter', label: '窗口工作人员在岗、文明用语' }],
  });

  const overdue = await caller.rectification.issue({
    findingId: withFinding.findings[0]!.id,
    unitId: unit('QH-XFL').id,
    title: '公益广告与环境卫生整改',
    requirement: '更换破损公益广告，清理卫生死角，建立每周巡查制度',
    deadline: todayShift(now, -3),
  });
  void overdue;
  await caller.rectification.issue({
    unitId: unit('QH-SWJ').id,
    title: '补齐会议纪要',
    requirement: '补齐二季度领导小组会议纪要并归档',
    deadline: todayShift(now, 10),
  });
  let closed = await caller.rectification.issue({
    unitId: unit('YS-CZ').id,
    title: '志愿服务台账规范',
    requirement: '志愿服务记录按月装订',
    deadline: todayShift(now, -15),
  });
  closed = await caller.rectification.answer({
    id: closed.id,
    version: closed.version,
    plan: '已按月装订并建立登记表',
  });
  await caller.rectification.verify({
    id: closed.id,
    version: closed.version,
    decision: 'close',
    comment: '核查属实',
  });
}
