/**
 * The score rules of an assessment, pure so the server, the SPAs and the property tests
 * share one definition. Points are kept to two decimals, as score sheets are.
 */

/** 等级评分: the common A/B/C/D = 100/66/33/0 % scale of provincial frameworks. */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_SHARE: Record<Grade, number> = { A: 1, B: 0.66, C: 0.33, D: 0 };

/** How a scorer states a score: points given, a grade, or points deducted (扣分). */
export type ScoreEntry = { points: number } | { grade: Grade } | { deduction: number };

export const round2 = (n: number) => Math.round(n * 100) / 100;
/** Anything not a finite number counts as nothing earned. */
const clamp = (n: number, max: number) => (Number.isFinite(n) ? Math.min(Math.max(n, 0), max) : 0);

/**
 * An indicator's points from one entry: never above the indicator's points, and deductions
 * stop at zero (扣完为止，不计负分). Non-finite input counts as nothing earned.
 */
export function indicatorPoints(entry: ScoreEntry, max: number): number {
  const ceiling = Number.isFinite(max) && max > 0 ? max : 0;
  let raw: number;
  if ('grade' in entry) raw = ceiling * GRADE_SHARE[entry.grade];
  else if ('deduction' in entry)
    raw = ceiling - (Number.isFinite(entry.deduction) ? entry.deduction : ceiling);
  else raw = Number.isFinite(entry.points) ? entry.points : 0;
  return round2(clamp(raw, ceiling));
}

/**
 * The final score of an indicator: the office's moderated value when there is one, else the
 * mean of the assessors' submitted scores, else none yet.
 */
export function finalIndicatorScore(
  assessorScores: readonly number[],
  moderated: number | null,
): number | null {
  if (moderated !== null) return moderated;
  if (assessorScores.length === 0) return null;
  return round2(assessorScores.reduce((a, b) => a + b, 0) / assessorScores.length);
}

export interface ScoredIndicator {
  categoryId: string;
  points: number;
  exempt: boolean;
  /** Null: not scored yet, counted as zero in a provisional total. */
  score: number | null;
}

export interface ScoredCategory {
  id: string;
  points: number;
  /** Bonus categories (特色指标/加分项) add on top of the basic score. */
  special: boolean;
}

export interface ResultRules {
  /** The cap on bonus points: the framework's `specialPoints`, else the bonus categories' sum. */
  specialCap: number | null;
  /** Exempt indicators' points are redistributed over the rest (the office's choice). */
  rescaleExempt: boolean;
  passThreshold: number | null;
  confirmedVetoes: number;
}

export interface CategoryResult {
  id: string;
  score: number;
  max: number;
}

export interface AssessmentResult {
  basic: number;
  basicMax: number;
  bonus: number;
  bonusMax: number;
  total: number;
  categories: CategoryResult[];
  /** Indicators still without a final score. */
  unscored: number;
  vetoed: boolean;
  /** Null when no pass threshold is known (the framework has none and the office set none). */
  passed: boolean | null;
}

export function assessmentResult(
  categories: readonly ScoredCategory[],
  indicators: readonly ScoredIndicator[],
  rules: ResultRules,
): AssessmentResult {
  const special = new Set(categories.filter((c) => c.special).map((c) => c.id));
  const perCategory = new Map(categories.map((c) => [c.id, { id: c.id, score: 0, max: 0 }]));
  let basic = 0;
  let basicAssessed = 0;
  let basicNominal = 0;
  let bonus = 0;
  let bonusNominal = 0;
  let unscored = 0;
  for (const i of indicators) {
    const max = Math.max(0, i.points);
    const cat = perCategory.get(i.categoryId);
    const isBonus = special.has(i.categoryId);
    if (isBonus) bonusNominal += max;
    else basicNominal += max;
    if (i.exempt) continue;
    if (i.score === null) unscored += 1;
    const score = clamp(i.score ?? 0, max);
    if (cat) {
      cat.score += score;
      cat.max += max;
    }
    if (isBonus) bonus += score;
    else {
      basic += score;
      basicAssessed += max;
    }
  }
  // Exempt indicators are not assessed: either the rest is scaled up to the full basic score,
  // or the maximum simply shrinks.
  const basicMax = rules.rescaleExempt ? basicNominal : basicAssessed;
  if (rules.rescaleExempt && basicAssessed > 0 && basicAssessed < basicNominal) {
    basic = (basic * basicNominal) / basicAssessed;
  }
  const bonusMax = Math.max(0, rules.specialCap ?? bonusNominal);
  bonus = Math.min(bonus, bonusMax);
  basic = round2(clamp(basic, basicMax));
  bonus = round2(bonus);
  const total = round2(basic + bonus);
  const vetoed = rules.confirmedVetoes > 0;
  return {
    basic,
    basicMax: round2(basicMax),
    bonus,
    bonusMax: round2(bonusMax),
    total,
    categories: [...perCategory.values()].map((c) => ({ ...c, score: round2(c.score), max: round2(c.max) })),
    unscored,
    vetoed,
    // A confirmed veto fails the campaign whatever the score (一票否决).
    passed: vetoed ? false : rules.passThreshold === null ? null : total >= rules.passThreshold,
  };
}

export interface RankInput {
  id: string;
  total: number;
  passed: boolean | null;
}

export interface Ranked {
  id: string;
  /** Competition ranking: equal totals share a rank (1, 2, 2, 4). */
  rank: number;
  /** Passed and inside the quota (at most N titles, or the top X %). */
  withinQuota: boolean;
}

export interface Quota {
  count: number | null;
  percent: number | null;
}

/** Ranks a round's campaigns by total; ties never split a rank, so a tie at the quota line is in. */
export function rankResults(results: readonly RankInput[], quota: Quota): Ranked[] {
  const sorted = [...results].sort((a, b) => b.total - a.total || a.id.localeCompare(b.id));
  const limits = [
    quota.count ?? Number.POSITIVE_INFINITY,
    quota.percent === null ? Number.POSITIVE_INFINITY : Math.floor((results.length * quota.percent) / 100),
  ];
  const places = Math.min(...limits);
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.total !== sorted[i - 1]!.total) rank = i + 1;
    return { id: r.id, rank, withinQuota: r.passed !== false && rank <= places };
  });
}
