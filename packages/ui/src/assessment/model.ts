import type {
  Grade,
  Standing,
  TAssessment,
  TAssessmentIndicator,
  TAssessmentSummary,
  TDecision,
  TStatusRegisterEntry,
} from '@wenming/domain';

export type {
  Grade,
  Standing,
  TAssessment,
  TAssessmentIndicator,
  TAssessmentSummary,
  TDecision,
  TStatusRegisterEntry,
};

/** How a score was entered, as the forms let people choose it. */
export type ScoreMode = 'points' | 'grade' | 'deduction';

export interface ScoreValues {
  mode: ScoreMode;
  points?: number | null;
  grade?: Grade;
  deduction?: number | null;
}

/** A form's values as the API's score entry; null while the chosen mode has no value yet. */
export function entryOf(values: ScoreValues) {
  if (values.mode === 'grade') return values.grade ? { grade: values.grade } : null;
  if (values.mode === 'deduction')
    return typeof values.deduction === 'number' ? { deduction: values.deduction } : null;
  return typeof values.points === 'number' ? { points: values.points } : null;
}

/** A stored score back into the form: a grade stays a grade, everything else shows as points. */
export function valuesOf(
  score: { points: number; grade: Grade | null } | null,
  graded: boolean,
): ScoreValues {
  if (score?.grade) return { mode: 'grade', grade: score.grade };
  if (score) return { mode: 'points', points: score.points };
  return { mode: graded ? 'grade' : 'points' };
}

/** Points as score sheets print them: at most two decimals, no trailing zeros. */
export function formatPoints(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return String(Math.round(n * 100) / 100);
}

/** Indicators in the framework's category order, each category with its own. */
export function byCategory(assessment: Pick<TAssessment, 'categories' | 'indicators'>) {
  return assessment.categories.map((category) => ({
    category,
    indicators: assessment.indicators.filter((i) => i.categoryId === category.id),
  }));
}

/** Upgrade campaigns end in conferral, renewal campaigns in renewal; either may be rejected. */
export function positiveOutcome(kind: TAssessmentSummary['kind']): 'conferral' | 'renewal' {
  return kind === 'renewal' ? 'renewal' : 'conferral';
}

export const STANDING_COLORS: Record<Standing, string | undefined> = {
  none: undefined,
  held: 'green',
  yellow_card: 'gold',
  expired: 'orange',
  revoked: 'red',
  lapsed: 'default',
};

export const OUTCOME_COLORS: Record<TDecision['outcome'], string> = {
  conferral: 'green',
  renewal: 'green',
  rejection: 'red',
};

export const certificateUrl = (decisionId: string) => `/assessment/certificate/${decisionId}`;
