import { defineAbilityFor } from '@wenming/authz';
import type { Clock } from '@wenming/core';
import type { Db } from '@wenming/db';
import { indicatorPoints } from '@wenming/domain';
import { sql } from 'kysely';
import * as assessors from '../assessment/assessors';
import * as decisions from '../assessment/decision';
import * as scoring from '../assessment/scoring';
import * as settings from '../assessment/vetoes';
import { loadGrants } from '../auth/repository';
import * as campaigns from '../campaign/service';
import type { AuthedContext } from '../context';
import { createSystemContext } from '../create-context';
import * as steps from '../status/steps';
import * as inspections from '../supervision/inspections';
import { todayShift } from './demo-time';

type Engine = 'pglite' | 'postgres';

/** The demo's people act as themselves, so the assessment rules (who scores what) apply to them too. */
async function as(db: Db, engine: Engine, clock: Clock, username: string): Promise<AuthedContext> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const user = {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    sessionId: 'seed',
    grants: await loadGrants(db, row.id),
  };
  return { ...createSystemContext({ db, engine, clock }), user, ability: defineAbilityFor(user) };
}

async function campaignOf(db: Db, unitCode: string) {
  return db
    .selectFrom('campaigns as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.framework_id', 'c.office_id', 'c.unit_id'])
    .where('u.code', '=', unitCode)
    .where('c.phase', 'not in', ['withdrawn', 'decided'])
    .executeTakeFirstOrThrow();
}

const indicatorsOf = (db: Db, frameworkId: string) =>
  db
    .selectFrom('framework_indicators')
    .select(['id', 'code', 'points'])
    .where('framework_id', '=', frameworkId)
    .orderBy('position')
    .execute();

/** A closed public notice (公示) naming the campaign, without objections. */
async function closedNotice(
  db: Db,
  campaign: { id: string; unit_id: string; office_id: string },
  cityId: string,
  now: Date,
) {
  const notice = await db
    .insertInto('notices')
    .values({
      office_id: cityId,
      kind: 'renewal',
      title: '2026年度省级文明单位复查拟保留名单公示',
      body: '经单位自评、实地测评和综合评议，拟保留以下单位省级文明单位称号，现予公示。公示期间如有异议，请向市文明办反映。',
      starts_on: todayShift(now, -12),
      ends_on: todayShift(now, -6),
      published_at: new Date(now.getTime() - 12 * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('notice_subjects')
    .values({
      notice_id: notice.id,
      office_id: campaign.office_id,
      unit_id: campaign.unit_id,
      unit_name: sql<string>`(select name from units where id = ${campaign.unit_id})`,
      campaign_id: campaign.id,
    })
    .execute();
}

const SELF_NOTES = [
  '制度健全，台账齐全',
  '按计划开展活动并留存影像',
  '已建立常态化工作机制',
  '群众满意度稳步提升',
];

/**
 * Assessment demo: one provincial renewal fully assessed and decided (QH-GJJ), one accepted
 * for assessment with its assessors assigned and waiting for their scores (QH-SYXX), a
 * current yellow card and a revocation in a unit's history.
 */
export async function seedDemoAssessment(db: Db, engine: Engine, now: Date) {
  const clock = { now: () => now };
  const system = createSystemContext({ db, engine, clock }) as AuthedContext;
  const city = await db
    .selectFrom('offices')
    .select('id')
    .where('code', '=', 'DJ-JZ')
    .executeTakeFirstOrThrow();
  // The provincial framework gives no pass mark: the city office sets one.
  await settings.configure(system, {
    officeId: city.id,
    targetLevel: 'provincial',
    passThreshold: 85,
    quotaCount: null,
    quotaPercent: null,
    rescaleExempt: true,
    version: 0,
  });
  const inspectors = [
    await as(db, engine, clock, 'office.inspector'),
    await as(db, engine, clock, 'office.inspector.2'),
  ];

  for (const [n, code] of ['QH-GJJ', 'QH-SYXX'].entries()) {
    const campaign = await campaignOf(db, code);
    const indicators = await indicatorsOf(db, campaign.framework_id);
    for (const [i, indicator] of indicators.entries()) {
      await scoring.selfScore(system, {
        campaignId: campaign.id,
        indicatorId: indicator.id,
        entry: { points: indicatorPoints({ deduction: i % 3 === 0 ? 1 : 0.5 }, indicator.points) },
        explanation: SELF_NOTES[i % SELF_NOTES.length]!,
        evidenceIds: [],
      });
    }
    await scoring.submit(system, campaign.id);
    if (code === 'QH-SYXX') {
      await campaigns.transition(system, {
        id: campaign.id,
        to: 'under_assessment',
        comment: '材料齐全，予以受理',
      });
    }
    await assessors.assign(system, {
      campaignId: campaign.id,
      assessors: inspectors.map((c) => ({ userId: c.user.id, categoryIds: [] })),
    });
    await closedNotice(db, campaign, city.id, now);
    if (n === 1) continue;
    for (const [k, inspector] of inspectors.entries()) {
      for (const [i, indicator] of indicators.entries()) {
        await scoring.score(inspector, {
          campaignId: campaign.id,
          indicatorId: indicator.id,
          entry: { deduction: (i + k) % 4 === 0 ? 2 : 0.5 },
          comment: (i + k) % 4 === 0 ? '部分活动记录不完整' : '',
        });
      }
      await scoring.submit(inspector, campaign.id);
    }
    const admin = await as(db, engine, clock, 'office.admin');
    await decisions.decide(admin, {
      campaignId: campaign.id,
      outcome: 'renewal',
      decisionNo: `东文明〔${todayShift(now, 0).slice(0, 4)}〕15号`,
      decidedOn: todayShift(now, -3),
      reason: '复查合格，保留省级文明单位称号',
    });
  }

  // Dynamic management: a current yellow card after this year's re-examination…
  const unitId = async (code: string) =>
    (await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  // Whichever title holder's term still runs when the demo is seeded (YS-SYZX in 2026).
  const year = Number(todayShift(now, 0).slice(0, 4));
  const holder = await db
    .selectFrom('units')
    .select('id')
    .where('status_level', '<>', 'none')
    .where('term_end_year', '>=', year)
    .where('code', 'not in', ['QH-GJJ', 'QH-SYXX', 'QH-SWJ'])
    .orderBy(sql`code = 'YS-SYZX'`, 'desc')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  // The re-examination was carried out on site by an inspection, which the register names.
  const holderOffice = await db
    .selectFrom('units')
    .select('office_id')
    .where('id', '=', holder.id)
    .executeTakeFirstOrThrow();
  const visit = await inspections.create(system, {
    officeId: holderOffice.office_id,
    kind: 're_examination',
    title: `${year}年度文明单位复查`,
    plannedOn: todayShift(now, -45),
    unitIds: [holder.id],
    inspectorIds: [],
    checklist: [
      { key: 'ledger', label: '创建台账完整、真实' },
      { key: 'volunteer', label: '志愿服务活动经常开展、记录真实' },
    ],
  });
  for (const [itemKey, result, notes] of [
    ['ledger', 'fails', '2026年二、三季度台账缺失'],
    ['volunteer', 'partly', '志愿服务记录与实际参与人数不符'],
  ] as const) {
    await inspections.recordResult(system, {
      inspectionId: visit.id,
      unitId: holder.id,
      itemKey,
      result,
      notes,
      points: null,
      photos: [],
    });
  }
  await inspections.complete(system, visit.id);
  await steps.reexamine(system, {
    unitId: holder.id,
    inspectionId: visit.id,
    outcome: 'yellow_card',
    reason: '年度复查发现创建台账缺失、志愿服务活动记录不实',
    decisionNo: `江文明办〔${year}〕8号`,
    decidedOn: todayShift(now, -40),
    deadline: todayShift(now, 50),
  });
  // …and a title revoked this term: conferred, warned at re-examination, then revoked.
  const market = await unitId('YS-SJJ');
  const office = await db
    .selectFrom('units')
    .select('office_id')
    .where('id', '=', market)
    .executeTakeFirstOrThrow();
  const term = { term_start_year: year - 2, term_end_year: year, decision_no: `云文明〔${year - 2}〕5号` };
  await db
    .insertInto('status_records')
    .values({
      office_id: office.office_id,
      unit_id: market,
      action: 'conferral',
      level: 'county',
      ...term,
      decided_on: `${year - 2}-01-20`,
      recorded_at: new Date(now.getTime() - 700 * 86_400_000),
    })
    .execute();
  await db
    .updateTable('units')
    .set({ status_level: 'county', ...term })
    .where('id', '=', market)
    .execute();
  await steps.yellowCard(system, {
    unitId: market,
    reason: '群众投诉执法不规范，经核实属实',
    decisionNo: `云文明办〔${year - 1}〕11号`,
    decidedOn: todayShift(now, -300),
    deadline: todayShift(now, -210),
  });
  await steps.revoke(system, {
    unitId: market,
    reason: '整改期满仍未到位，且发生干部违纪案件',
    decisionNo: `云文明〔${year}〕19号`,
    decidedOn: todayShift(now, -150),
  });
}
