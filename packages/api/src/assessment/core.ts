import type { Db } from '@wenming/db';
import {
  type AssessmentResult,
  assessmentResult,
  finalIndicatorScore,
  rankResults,
  type StatusLevel,
  type TAssessmentSettings,
} from '@wenming/domain';
import { sql } from 'kysely';
import { officeAncestry } from '../framework/repository';

/**
 * What every view of an assessment needs, loaded for many campaigns at once (a round is
 * ranked as a whole): one query per table, grouped in memory.
 */
export interface AssessmentCore {
  campaign: {
    id: string;
    office_id: string;
    unit_id: string;
    kind: 'renewal' | 'upgrade';
    target_level: StatusLevel;
    term_start_year: number;
    term_end_year: number;
    phase: string;
    framework_id: string;
  };
  categories: {
    id: string;
    code: string;
    points: number;
    special: boolean;
    name_zh: string;
    name_en: string;
  }[];
  indicators: {
    id: string;
    code: string;
    category_id: string;
    points: number;
    veto: boolean;
    name_zh: string;
    name_en: string;
    method_zh: string;
    evidence: string[];
  }[];
  selfSubmittedAt: Date | null;
  assessors: { user_id: string; category_ids: string[]; submitted_at: Date | null }[];
  scores: {
    indicator_id: string;
    scorer_id: string | null;
    points: number;
    grade: 'A' | 'B' | 'C' | 'D' | null;
    note: string;
    evidence_ids: string[];
    updated_at: Date;
  }[];
  moderations: Map<string, { points: number; reason: string }>;
  /** Per indicator, the version of its moderation row (a taken-back one too). */
  moderationVersions: Map<string, number>;
  exemptions: Map<string, string>;
  confirmedVetoes: number;
  specialCap: number | null;
  frameworkThreshold: number | null;
}

export async function loadCores(
  db: Db,
  campaignIds: readonly string[],
): Promise<Map<string, AssessmentCore>> {
  const out = new Map<string, AssessmentCore>();
  if (campaignIds.length === 0) return out;
  const ids = [...campaignIds];
  const campaigns = await db
    .selectFrom('campaigns as c')
    .innerJoin('frameworks as f', 'f.id', 'c.framework_id')
    .leftJoin('assessments as a', 'a.campaign_id', 'c.id')
    .select([
      'c.id',
      'c.office_id',
      'c.unit_id',
      'c.kind',
      'c.target_level',
      'c.term_start_year',
      'c.term_end_year',
      'c.phase',
      'c.framework_id',
      'f.pass_threshold',
      sql<number | null>`(f.content->>'specialPoints')::numeric`.as('special_points'),
      'a.self_submitted_at',
    ])
    .where('c.id', 'in', ids)
    .execute();
  const frameworkIds = [...new Set(campaigns.map((c) => c.framework_id))];
  const [categories, indicators, assessors, scores, moderations, exemptions, vetoes] = await Promise.all([
    db
      .selectFrom('framework_categories')
      .select(['id', 'framework_id', 'code', 'points', 'special', 'name_zh', 'name_en'])
      .where('framework_id', 'in', frameworkIds)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('framework_indicators')
      .select([
        'id',
        'framework_id',
        'code',
        'category_id',
        'points',
        'veto',
        'name_zh',
        'name_en',
        'method_zh',
        'evidence',
      ])
      .where('framework_id', 'in', frameworkIds)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('assessment_assessors')
      .selectAll()
      .where('campaign_id', 'in', ids)
      .orderBy('assigned_at')
      .execute(),
    db.selectFrom('assessment_scores').selectAll().where('campaign_id', 'in', ids).execute(),
    db.selectFrom('assessment_moderations').selectAll().where('campaign_id', 'in', ids).execute(),
    db.selectFrom('assessment_exemptions').selectAll().where('campaign_id', 'in', ids).execute(),
    db
      .selectFrom('assessment_vetoes')
      .select(['campaign_id', sql<number>`count(*)::int`.as('n')])
      .where('campaign_id', 'in', ids)
      .where('cleared_at', 'is', null)
      .groupBy('campaign_id')
      .execute(),
  ]);
  for (const c of campaigns) {
    const mine = <T extends { campaign_id: string }>(rows: T[]) => rows.filter((r) => r.campaign_id === c.id);
    out.set(c.id, {
      campaign: c as AssessmentCore['campaign'],
      categories: categories.filter((x) => x.framework_id === c.framework_id),
      indicators: indicators.filter((x) => x.framework_id === c.framework_id),
      selfSubmittedAt: c.self_submitted_at,
      assessors: mine(assessors),
      scores: mine(scores),
      moderations: new Map(
        mine(moderations).flatMap((m) =>
          m.points === null ? [] : [[m.indicator_id, { points: m.points, reason: m.reason }] as const],
        ),
      ),
      moderationVersions: new Map(mine(moderations).map((m) => [m.indicator_id, m.version])),
      exemptions: new Map(mine(exemptions).map((e) => [e.indicator_id, e.reason])),
      confirmedVetoes: Number(vetoes.find((v) => v.campaign_id === c.id)?.n ?? 0),
      specialCap: c.special_points === null ? null : Number(c.special_points),
      frameworkThreshold: c.pass_threshold,
    });
  }
  return out;
}

/** Submitted assessor scores only: a draft counts for nothing until its assessor submits. */
export function submittedScores(core: AssessmentCore, indicatorId: string): number[] {
  const submitted = new Set(core.assessors.filter((a) => a.submitted_at).map((a) => a.user_id));
  return core.scores
    .filter((s) => s.indicator_id === indicatorId && s.scorer_id !== null && submitted.has(s.scorer_id))
    .map((s) => s.points);
}

export function finalOf(core: AssessmentCore, indicatorId: string): number | null {
  return finalIndicatorScore(
    submittedScores(core, indicatorId),
    core.moderations.get(indicatorId)?.points ?? null,
  );
}

export function resultOf(core: AssessmentCore, settings: TAssessmentSettings): AssessmentResult {
  return assessmentResult(
    core.categories,
    core.indicators.map((i) => ({
      categoryId: i.category_id,
      points: i.points,
      exempt: core.exemptions.has(i.id),
      score: finalOf(core, i.id),
    })),
    {
      specialCap: core.specialCap,
      rescaleExempt: settings.rescaleExempt,
      passThreshold: settings.passThreshold,
      confirmedVetoes: core.confirmedVetoes,
    },
  );
}

/**
 * The office's settings for a campaign's target level: the nearest office above the
 * campaign's (itself included) that set any; the framework's pass mark where none did.
 */
export async function settingsFor(
  db: Db,
  officeId: string,
  targetLevel: StatusLevel,
  frameworkThreshold: number | null,
): Promise<TAssessmentSettings & { decidingOfficeId: string }> {
  const ancestry = await officeAncestry(db, officeId);
  const rows = await db
    .selectFrom('assessment_settings')
    .selectAll()
    .where('office_id', 'in', ancestry)
    .where('target_level', '=', targetLevel)
    .execute();
  const row = ancestry.map((id) => rows.find((r) => r.office_id === id)).find(Boolean);
  const threshold = row?.pass_threshold ?? frameworkThreshold;
  return {
    // The version of the row of the `officeId` returned below: the one an editor of these settings saves.
    version: row?.version ?? 0,
    officeId: row?.office_id ?? officeId,
    decidingOfficeId: row?.office_id ?? officeId,
    targetLevel,
    passThreshold: threshold,
    quotaCount: row?.quota_count ?? null,
    quotaPercent: row?.quota_percent ?? null,
    rescaleExempt: row?.rescale_exempt ?? true,
    thresholdSource:
      row?.pass_threshold !== null && row?.pass_threshold !== undefined
        ? 'office'
        : frameworkThreshold !== null
          ? 'framework'
          : 'none',
  };
}

/**
 * A round: the campaigns under assessment or decided for the same target level and term,
 * below the office whose settings apply. Ranked by total against the quota.
 */
export async function rankRound(
  db: Db,
  core: AssessmentCore,
  settings: TAssessmentSettings & { decidingOfficeId: string },
) {
  const peers = await sql<{ id: string }>`
    with recursive sub(id) as (
      select ${settings.decidingOfficeId}::uuid union all select o.id from offices o join sub on o.parent_id = sub.id
    )
    select c.id from campaigns c
    where c.office_id in (select id from sub) and c.target_level = ${core.campaign.target_level}
      and c.term_start_year = ${core.campaign.term_start_year} and c.phase in ('under_assessment', 'decided')`.execute(
    db,
  );
  const ids = peers.rows.map((r) => r.id);
  if (!ids.includes(core.campaign.id)) ids.push(core.campaign.id);
  const cores = await loadCores(db, ids);
  const ranked = rankResults(
    [...cores.values()].map((c) => {
      const r = resultOf(c, settings);
      return { id: c.campaign.id, total: r.total, passed: r.passed };
    }),
    { count: settings.quotaCount, percent: settings.quotaPercent },
  );
  const mine = ranked.find((r) => r.id === core.campaign.id)!;
  return { rank: mine.rank, of: ranked.length, withinQuota: mine.withinQuota };
}
