import type { Db } from '@wenming/db';
import { sql } from 'kysely';
import type { AuthedContext } from '../context';
import { createSystemContext } from '../create-context';
import { appRouter } from '../router';
import { createCallerFactory } from '../trpc';
import { KIND_BY_MATERIAL } from './demo-ledger';
import { todayShift } from './demo-time';

/** The unit whose ledger shows "next term": what was carried, changed, newly filed or is missing. */
export const PREVIOUS_TERM_UNIT = 'QH-SWJ';
const DAY = 86_400_000;

/**
 * 清河区税务局's last term (2024–2026, renewed and decided), seeded just before its current
 * campaign is opened: a ledger with an item for every indicator, filed as the work happened
 * (the clock is set back to each event), so the new term has something to carry forward.
 */
export async function seedPreviousTerm(db: Db, engine: 'pglite' | 'postgres', unitId: string, now: Date) {
  let at = new Date(now.getTime() - 900 * DAY);
  const ctx = createSystemContext({ db, engine, clock: { now: () => at } });
  const caller = createCallerFactory(appRouter)(ctx);
  let c = await caller.campaign.open({
    unitId,
    kind: 'renewal',
    targetLevel: 'city',
    termStartYear: 2024,
    termEndYear: 2026,
  });
  c = await caller.campaign.setLeadingGroup({
    id: c.id,
    version: c.version,
    members: [
      { role: 'leader', name: '王志强', title: '局长' },
      { role: 'contact', name: '陈静', title: '创建办联络员' },
    ],
  });
  c = await caller.campaign.updatePlans({
    id: c.id,
    version: c.version,
    plan: '2024—2026年文明单位再创规划',
    implementationPlan: '按测评体系逐项分解创建任务，每季度督查一次。',
  });
  await caller.campaign.transition({ id: c.id, to: 'mobilization', comment: '召开再创动员大会' });
  await caller.task.generate({ campaignId: c.id, deadline: todayShift(at, 120) });
  for (const task of (await caller.task.list({ campaignId: c.id, limit: 200 })).items)
    await caller.task.update({ id: task.id, version: task.version, status: 'done' });
  await caller.campaign.transition({ id: c.id, to: 'implementation' });

  const indicators = await db
    .selectFrom('framework_indicators')
    .select(['id', 'code', 'name_zh', 'evidence'])
    .where('framework_id', '=', c.framework.id)
    .orderBy('position')
    .execute();
  for (const [i, indicator] of indicators.entries()) {
    at = new Date(now.getTime() - (880 - i * 12) * DAY);
    const material = indicator.evidence[0] ?? indicator.name_zh;
    const kind = KIND_BY_MATERIAL.find(([re]) => re.test(material))?.[1] ?? 'other';
    await caller.evidence.create({
      campaignId: c.id,
      kind,
      title: `${material}（${indicator.code}）`,
      description: `上一届（2024—2026年）对应测评指标 ${indicator.code} ${indicator.name_zh}`,
      eventDate: todayShift(at, -1),
      keeper: '创建办',
      participants: kind === 'activity' ? 30 + i : null,
      place: kind === 'activity' ? '本单位' : null,
      indicators: [{ indicatorId: indicator.id, explanation: `${material}已归档`, materials: [material] }],
    });
  }
  at = new Date(now.getTime() - 420 * DAY);
  for (const to of ['consolidation', 'submitted', 'under_assessment'] as const)
    await caller.campaign.transition({ id: c.id, to });
  await recordPastRenewal(db, c, at);
  // Opened in the same seeding transaction as the current term: date it back so "previous" is unambiguous.
  await sql`update campaigns set created_at = ${new Date(now.getTime() - 900 * DAY)} where id = ${c.id}`.execute(
    db,
  );
}

/**
 * After the current ledger is seeded: standing materials of the last term carried into the
 * new one where nothing was filed yet, and one of them revised since — so the comparison shows
 * carried, changed, new and missing side by side.
 */
export async function carryDemoStandingMaterials(db: Db, engine: 'pglite' | 'postgres') {
  const ctx = createSystemContext({ db, engine }) as AuthedContext;
  const caller = createCallerFactory(appRouter)(ctx);
  const current = await db
    .selectFrom('campaigns as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select('c.id')
    .where('u.code', '=', PREVIOUS_TERM_UNIT)
    .where('c.phase', 'not in', ['decided', 'withdrawn'])
    .executeTakeFirst();
  if (!current) return;
  const comparison = await caller.ledger.termComparison({ campaignId: current.id });
  const uncovered = new Set(comparison.indicators.filter((i) => i.status === 'missing').map((i) => i.code));
  // Standing materials first (what offices carry in practice), then whatever covers a gap.
  const chosen = comparison.candidates
    .filter((c) => c.indicatorCodes.some((code) => uncovered.has(code)))
    .sort((a, b) => Number(b.standing) - Number(a.standing))
    .slice(0, 3);
  if (chosen.length === 0) return;
  await caller.ledger.carryForward({ campaignId: current.id, evidenceIds: chosen.map((c) => c.id) });
  const carried = await db
    .selectFrom('evidence_items')
    .select('id')
    .where('campaign_id', '=', current.id)
    .where('carried_from', 'is not', null)
    .orderBy('title')
    .executeTakeFirst();
  if (!carried) return;
  const item = await caller.evidence.get({ id: carried.id });
  await caller.evidence.revise({
    id: item.id,
    revision: item.revision,
    kind: item.kind,
    title: item.title,
    description: `${item.description}\n本届根据人员调整作了修订。`,
    eventDate: item.eventDate,
    departmentId: item.departmentId,
    keeper: item.keeper,
    participants: item.participants,
    place: item.place,
    indicators: item.indicators.map((i) => ({
      indicatorId: i.id,
      explanation: i.explanation,
      materials: i.materials,
    })),
    taskIds: item.tasks.map((t) => t.id),
    attachments: item.attachments.map((a) => ({ sha256: a.sha256, name: a.name })),
  });
}

/**
 * The last term's renewal, written as history: it was decided before the platform kept
 * scores, so there is a decision and a register entry but no assessment to replay.
 */
async function recordPastRenewal(
  db: Db,
  c: { id: string; unitId: string; officeId: string; termStartYear: number; termEndYear: number },
  at: Date,
) {
  const tenant = { office_id: c.officeId, unit_id: c.unitId };
  const decisionNo = '江文明〔2024〕7号';
  const decidedOn = todayShift(at, 0);
  await db
    .insertInto('decisions')
    .values({
      ...tenant,
      campaign_id: c.id,
      outcome: 'renewal',
      level: 'city',
      term_start_year: c.termStartYear,
      term_end_year: c.termEndYear,
      decision_no: decisionNo,
      decided_on: decidedOn,
      reason: '经复查，继续保留市级文明单位称号',
      decided_at: at,
    })
    .execute();
  await db
    .updateTable('campaigns')
    .set({ phase: 'decided', phase_changed_at: at })
    .where('id', '=', c.id)
    .execute();
  await db
    .insertInto('campaign_transitions')
    .values({
      ...tenant,
      campaign_id: c.id,
      from_phase: 'under_assessment',
      to_phase: 'decided',
      comment: decisionNo,
      at,
    })
    .execute();
}
