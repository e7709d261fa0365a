import { subject } from '@casl/ability';
import { accessibleWhere } from '@wenming/authz/sql';
import {
  SATISFIED_FROM,
  type TAssessment,
  type TAssessmentSummary,
  type TDecision,
  type ZListAssessments,
} from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { type AuthedContext, actorId } from '../context';
import { conferralNoticeFor } from '../notice/for-campaign';
import { type AssessmentCore, finalOf, loadCores, rankRound, resultOf, settingsFor } from './core';
import { assessable, tenant } from './scoring';
import { vetoItemsOf } from './vetoes';

type Settings = Awaited<ReturnType<typeof settingsFor>>;

/**
 * Who sees what: the office sees everything submitted; an assessor sees the others' scores
 * and the result only after submitting their own (independent scoring); the unit and
 * analysts see results once decided.
 */
function visibility(ctx: AuthedContext, core: AssessmentCore) {
  const target = subject('Assessment', tenant(core.campaign));
  const office = ctx.ability.can('review', target);
  const unit = ctx.ability.can('advance', target);
  const me = core.assessors.find((a) => a.user_id === ctx.user.id) ?? null;
  const submitted = me?.submitted_at != null;
  const decided = core.campaign.phase === 'decided';
  return {
    office,
    unit,
    me,
    result: office || submitted || decided,
    others: office || submitted,
    self: office || unit || core.selfSubmittedAt !== null,
  };
}

/**
 * Decisions the caller may read. The issuing office is the decider's (the office whose
 * admin signed it — often the city for a district's unit), else the unit's own office.
 */
export function decisionRows(ctx: AuthedContext) {
  return ctx.db
    .selectFrom('decisions as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .innerJoin('offices as o', 'o.id', 'd.office_id')
    .leftJoin('users as du', 'du.id', 'd.decided_by')
    .leftJoin('offices as io', 'io.id', 'du.office_id')
    .selectAll('d')
    .select(['u.name as unit_name', sql<string>`coalesce(io.name, o.name)`.as('office_name')])
    .where(accessibleWhere(ctx.ability, 'read', 'Decision', 'd'));
}

export async function decisionsFor(
  ctx: AuthedContext,
  campaignIds: string[],
): Promise<Map<string, TDecision>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await decisionRows(ctx).where('d.campaign_id', 'in', campaignIds).execute();
  return new Map(rows.map((d) => [d.campaign_id, toDecision(d)]));
}

export function toDecision(d: {
  id: string;
  campaign_id: string;
  outcome: TDecision['outcome'];
  level: string;
  term_start_year: number | null;
  term_end_year: number | null;
  decision_no: string;
  decided_on: string;
  total: number | null;
  reason: string;
  unit_name: string;
  office_name: string;
}): TDecision {
  return {
    id: d.id,
    campaignId: d.campaign_id,
    outcome: d.outcome,
    level: d.level as TDecision['level'],
    termStartYear: d.term_start_year,
    termEndYear: d.term_end_year,
    decisionNo: d.decision_no,
    decidedOn: d.decided_on,
    total: d.total,
    reason: d.reason,
    unitName: d.unit_name,
    officeName: d.office_name,
  };
}

async function summarize(
  ctx: AuthedContext,
  rows: { id: string; unit_id: string; unit_code: string; unit_name: string }[],
): Promise<TAssessmentSummary[]> {
  const cores = await loadCores(
    ctx.db,
    rows.map((r) => r.id),
  );
  const decisions = await decisionsFor(
    ctx,
    rows.map((r) => r.id),
  );
  const settingsCache = new Map<string, Promise<Settings>>();
  const rankCache = new Map<string, Promise<Awaited<ReturnType<typeof rankRound>>>>();
  const out: TAssessmentSummary[] = [];
  for (const r of rows) {
    const core = cores.get(r.id)!;
    const c = core.campaign;
    const key = `${c.office_id}:${c.target_level}:${core.frameworkThreshold}`;
    if (!settingsCache.has(key)) {
      settingsCache.set(key, settingsFor(ctx.db, c.office_id, c.target_level, core.frameworkThreshold));
    }
    const settings = await settingsCache.get(key)!;
    const see = visibility(ctx, core);
    let ranking = null;
    if (see.result && (c.phase === 'under_assessment' || c.phase === 'decided')) {
      // One round ranks the same campaigns for every member of it; compute it once per campaign.
      if (!rankCache.has(c.id)) rankCache.set(c.id, rankRound(ctx.db, core, settings));
      ranking = await rankCache.get(c.id)!;
    }
    out.push({
      campaignId: c.id,
      unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
      officeId: c.office_id,
      kind: c.kind,
      targetLevel: c.target_level,
      termStartYear: c.term_start_year,
      termEndYear: c.term_end_year,
      phase: c.phase as TAssessmentSummary['phase'],
      selfSubmittedAt: core.selfSubmittedAt?.toISOString() ?? null,
      assessors: {
        assigned: core.assessors.length,
        submitted: core.assessors.filter((a) => a.submitted_at).length,
      },
      result: see.result ? resultOf(core, settings) : null,
      ranking,
      decision: decisions.get(c.id) ?? null,
    });
  }
  return out;
}

export async function list(ctx: AuthedContext, input: z.output<typeof ZListAssessments>) {
  let q = ctx.db
    .selectFrom('campaigns as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.unit_id', 'u.code as unit_code', 'u.name as unit_name'])
    .where('c.phase', 'in', input.phase ? [input.phase] : ['submitted', 'under_assessment', 'decided'])
    .where(accessibleWhere(ctx.ability, 'read', 'Assessment', 'c'));
  if (input.officeId) {
    q = q.where(
      'c.office_id',
      'in',
      sql<string>`(with recursive sub(id) as (select ${input.officeId}::uuid union all
        select o.id from offices o join sub on o.parent_id = sub.id) select id from sub)`,
    );
  }
  if (input.targetLevel) q = q.where('c.target_level', '=', input.targetLevel);
  if (input.termStartYear) q = q.where('c.term_start_year', '=', input.termStartYear);
  // The operator at the command line is nobody's assessor.
  if (input.mine && !actorId(ctx)) return { items: [] };
  if (input.mine) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assessment_assessors as a')
          .select('a.user_id')
          .whereRef('a.campaign_id', '=', 'c.id')
          .where('a.user_id', '=', actorId(ctx)),
      ),
    );
  }
  const rows = await q.orderBy('c.target_level').orderBy('u.code').limit(500).execute();
  return { items: await summarize(ctx, rows) };
}

/** Survey results and inspection findings beside the indicators they inform. */
async function context(ctx: AuthedContext, core: AssessmentCore) {
  const c = core.campaign;
  const [evidence, surveys, findings] = await Promise.all([
    ctx.db
      .selectFrom('evidence_indicators as ei')
      .innerJoin('evidence_items as e', 'e.id', 'ei.evidence_id')
      .select(['ei.indicator_id', 'e.id', 'e.title', 'e.event_date'])
      .where('e.campaign_id', '=', c.id)
      .where('e.retracted_at', 'is', null)
      .orderBy('e.event_date', 'desc')
      .execute(),
    sql<{ code: string; answers: number; satisfied: number }>`
      select code, count(*)::int as answers,
        (count(*) filter (where (a.value)::text::int >= ${SATISFIED_FROM}))::int as satisfied
      from surveys s cross join unnest(s.indicator_codes) code
        join survey_responses r on r.survey_id = s.id and r.unit_id = ${c.unit_id}
        cross join lateral jsonb_each(r.answers) a
      where jsonb_typeof(a.value) = 'number'
      group by code`.execute(ctx.db),
    ctx.db
      .selectFrom('findings as f')
      .innerJoin('inspections as i', 'i.id', 'f.inspection_id')
      .innerJoin('inspection_targets as t', (j) =>
        j.onRef('t.inspection_id', '=', 'f.inspection_id').onRef('t.unit_id', '=', 'f.unit_id'),
      )
      .select(['f.id', 'f.item_key', 'f.severity', 'f.description', 'i.title'])
      .where('f.unit_id', '=', c.unit_id)
      .where(accessibleWhere(ctx.ability, 'read', 'InspectionTarget', 't'))
      .orderBy('f.created_at', 'desc')
      .execute(),
  ]);
  return { evidence, surveys: surveys.rows, findings };
}

async function namesOf(ctx: AuthedContext, ids: (string | null)[]) {
  const known = ids.filter((id): id is string => id !== null);
  if (known.length === 0) return [];
  return ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', known).execute();
}

export async function get(ctx: AuthedContext, campaignId: string): Promise<TAssessment> {
  const row = await assessable(ctx, campaignId);
  const [summary] = await summarize(ctx, [row]);
  const core = (await loadCores(ctx.db, [row.id])).get(row.id)!;
  const see = visibility(ctx, core);
  const { decidingOfficeId: _, ...settings } = await settingsFor(
    ctx.db,
    row.office_id,
    row.target_level,
    core.frameworkThreshold,
  );
  const [extra, framework, vetoItems, vetoes, names, notice] = await Promise.all([
    context(ctx, core),
    ctx.db
      .selectFrom('frameworks')
      .select(['code', 'name_zh', 'name_en', 'total_points', 'content'])
      .where('id', '=', row.framework_id)
      .executeTakeFirstOrThrow(),
    vetoItemsOf(ctx.db, row.framework_id),
    ctx.db
      .selectFrom('assessment_vetoes')
      .selectAll()
      .where('campaign_id', '=', row.id)
      .orderBy('confirmed_at')
      .execute(),
    namesOf(ctx, [actorId(ctx), ...core.assessors.map((a) => a.user_id)]),
    conferralNoticeFor(ctx.db, row.id),
  ]);
  const nameOf = (id: string) => names.find((n) => n.id === id)?.display_name ?? '';
  const content = framework.content as {
    scoringScale?: { zh: string; en: string };
    categories?: { indicators?: { code: string; criteria?: { zh: string; en: string } }[] }[];
  };
  const criteria = new Map(
    (content.categories ?? []).flatMap((cat) =>
      (cat.indicators ?? []).map((i) => [i.code, i.criteria] as const),
    ),
  );
  const view = (s: AssessmentCore['scores'][number]) => ({
    points: s.points,
    grade: s.grade,
    note: s.note,
    updatedAt: s.updated_at.toISOString(),
  });
  const submitted = new Set(core.assessors.filter((a) => a.submitted_at).map((a) => a.user_id));
  return {
    ...summary!,
    framework: {
      id: row.framework_id,
      code: framework.code,
      name: { zh: framework.name_zh, en: framework.name_en },
      totalPoints: framework.total_points,
      scoringScale: content.scoringScale ?? null,
    },
    settings,
    assessorList: core.assessors.map((a) => ({
      userId: a.user_id,
      name: nameOf(a.user_id),
      categoryIds: a.category_ids,
      submittedAt: a.submitted_at?.toISOString() ?? null,
    })),
    me: {
      isAssessor: see.me !== null,
      submittedAt: see.me?.submitted_at?.toISOString() ?? null,
      canSelfScore:
        see.unit && core.selfSubmittedAt === null && ['submitted', 'under_assessment'].includes(row.phase),
      canScore: see.me !== null && !see.me.submitted_at && row.phase === 'under_assessment',
      canManage: see.office && row.phase !== 'decided' && row.phase !== 'withdrawn',
    },
    categories: core.categories.map((c) => ({
      id: c.id,
      code: c.code,
      name: { zh: c.name_zh, en: c.name_en },
      points: c.points,
      special: c.special,
    })),
    indicators: core.indicators.map((i) => {
      const self = core.scores.find((s) => s.indicator_id === i.id && s.scorer_id === null);
      const mine = core.scores.find((s) => s.indicator_id === i.id && s.scorer_id === ctx.user.id);
      const survey = extra.surveys.find((s) => s.code === i.code);
      const share = survey && survey.answers > 0 ? survey.satisfied / survey.answers : null;
      const moderated = core.moderations.get(i.id);
      return {
        id: i.id,
        code: i.code,
        categoryId: i.category_id,
        name: { zh: i.name_zh, en: i.name_en },
        criteria: criteria.get(i.code) ?? { zh: '', en: '' },
        method: i.method_zh,
        points: i.points,
        veto: i.veto,
        evidenceRequired: i.evidence,
        exemption: core.exemptions.has(i.id) ? { reason: core.exemptions.get(i.id)! } : null,
        self: self && see.self ? { ...view(self), evidenceIds: self.evidence_ids } : null,
        mine: mine ? view(mine) : null,
        assessorScores: see.others
          ? core.scores
              .filter(
                (s) =>
                  s.indicator_id === i.id &&
                  s.scorer_id &&
                  submitted.has(s.scorer_id) &&
                  s.scorer_id !== ctx.user.id,
              )
              .map((s) => ({ ...view(s), assessorId: s.scorer_id!, assessorName: nameOf(s.scorer_id!) }))
          : [],
        moderated: moderated && see.result ? moderated : null,
        moderationVersion: see.result ? (core.moderationVersions.get(i.id) ?? 0) : 0,
        final: see.result ? finalOf(core, i.id) : null,
        evidence: extra.evidence
          .filter((e) => e.indicator_id === i.id)
          .slice(0, 20)
          .map((e) => ({ id: e.id, title: e.title, eventDate: e.event_date })),
        survey: survey
          ? {
              answers: survey.answers,
              share,
              suggested: share === null ? null : Math.round(share * i.points * 100) / 100,
            }
          : null,
        findings: extra.findings
          .filter((f) => f.item_key === i.code)
          .map((f) => ({ id: f.id, severity: f.severity, description: f.description, inspection: f.title })),
      };
    }),
    vetoItems,
    vetoes: vetoes.map((v) => ({
      id: v.id,
      code: v.veto_code,
      name: vetoItems.find((x) => x.code === v.veto_code)?.name ?? { zh: v.veto_code, en: v.veto_code },
      source: v.source,
      sourceDetail: v.source_detail,
      evidenceIds: v.evidence_ids,
      confirmedAt: v.confirmed_at.toISOString(),
      cleared: v.cleared_at ? { at: v.cleared_at.toISOString(), reason: v.cleared_reason ?? '' } : null,
    })),
    notice,
  };
}
