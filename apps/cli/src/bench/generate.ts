import { randomBytes } from 'node:crypto';
import {
  type AuthedContext,
  appRouter,
  createCallerFactory,
  createSystemContext,
  seedDemo,
} from '@wenming/api';
import type { Database } from '@wenming/db';

export const SCALES = {
  small: { units: 200, evidencePerUnit: 10, answersPerUnit: 50 },
  district: { units: 1000, evidencePerUnit: 40, answersPerUnit: 200 },
  city: { units: 5000, evidencePerUnit: 200, answersPerUnit: 400 },
} as const;
export type Scale = keyof typeof SCALES;

/** A deterministic generator (xorshift) so a seed always gives the same city. */
function rng(seed: number) {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 1_000_000) / 1_000_000;
  };
}

const TYPES = ['community', 'school', 'agency', 'hospital', 'enterprise', 'village'] as const;
const NAMES = {
  community: '社区',
  school: '学校',
  agency: '局',
  hospital: '医院',
  enterprise: '公司',
  village: '村',
} as const;

/**
 * Synthetic units through the platform's own API (so the data passes the same rules as
 * real data): units, an open campaign each with its generated tasks, evidence items in the
 * hash-chained ledger, and survey answers. Progress is printed as it goes.
 */
export async function generate(database: Database, scale: Scale, seed: number, log: (line: string) => void) {
  const plan = SCALES[scale];
  await seedDemo(database.db, { engine: database.engine });
  const ctx = createSystemContext({ db: database.db, engine: database.engine }) as AuthedContext;
  const caller = createCallerFactory(appRouter)(ctx);
  const random = rng(seed);
  const districts = await database.db
    .selectFrom('offices')
    .select('id')
    .where('level', '=', 'district')
    .execute();
  const started = Date.now();
  const unitIds: string[] = [];
  for (let i = 0; i < plan.units; i++) {
    const type = TYPES[Math.floor(random() * TYPES.length)]!;
    const unit = await caller.unit.create({
      officeId: districts[i % districts.length]!.id,
      code: `G${seed}-${String(i).padStart(5, '0')}`,
      name: `第${i + 1}${NAMES[type]}`,
      type,
      departments: ['办公室', '业务科', '综合科'],
    });
    unitIds.push(unit.id);
    const campaign = await caller.campaign.open({
      unitId: unit.id,
      kind: 'upgrade',
      targetLevel: 'county',
      termStartYear: 2027,
      termEndYear: 2029,
    });
    await caller.task.generate({ campaignId: campaign.id, deadline: '2027-06-30' });
    const indicators = await database.db
      .selectFrom('framework_indicators')
      .select('id')
      .where('framework_id', '=', campaign.framework.id)
      .execute();
    for (let e = 0; e < plan.evidencePerUnit; e++) {
      const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
      await caller.evidence.create({
        campaignId: campaign.id,
        kind: 'meeting_minutes',
        title: `第${e + 1}次创建工作会议纪要`,
        eventDate: `2026-${String(1 + (e % 11)).padStart(2, '0')}-${day}`,
        indicators: [
          {
            indicatorId: indicators[Math.floor(random() * indicators.length)]!.id,
            explanation: '会议研究部署',
          },
        ],
      });
    }
    if ((i + 1) % 20 === 0)
      log(`units ${i + 1}/${plan.units} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  // Survey answers in bulk: one survey for all generated units, answers inserted in batches.
  const survey = await caller.survey.create({
    officeId: (
      await database.db
        .selectFrom('offices')
        .select('id')
        .where('level', '=', 'city')
        .executeTakeFirstOrThrow()
    ).id,
    unitIds: unitIds.slice(0, Math.min(unitIds.length, 5000)),
    title: { zh: '群众满意度测评', en: 'Satisfaction' },
    audience: 'public',
    questions: [
      {
        id: 'overall',
        kind: 'scale5',
        required: true,
        title: { zh: '总体满意度', en: '' },
        options: [],
        maxLength: 500,
      },
    ],
    opensOn: '2026-01-01',
    closesOn: '2030-12-31',
  });
  await caller.survey.open({ id: survey.id });
  const office = await database.db
    .selectFrom('units')
    .select(['id', 'office_id'])
    .where('id', 'in', unitIds)
    .execute();
  for (const unit of office) {
    const rows = Array.from({ length: plan.answersPerUnit }, () => ({
      survey_id: survey.id,
      office_id: unit.office_id,
      unit_id: unit.id,
      respondent: randomBytes(12).toString('hex'),
      answers: JSON.stringify({ overall: 1 + Math.floor(random() * 5) }),
    }));
    await database.db.insertInto('survey_responses').values(rows).execute();
  }
  log(
    `generated ${plan.units} units, ${plan.units * plan.evidencePerUnit} evidence items, ${plan.units * plan.answersPerUnit} answers in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  return { surveyId: survey.id, token: survey.links[0]!.token };
}
