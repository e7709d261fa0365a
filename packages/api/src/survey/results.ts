import { subject } from '@casl/ability';
import { AppError } from '@wenming/core';
import { SATISFIED_FROM, type TSurveyResults, ZQuestionnaire } from '@wenming/domain';
import { sql } from 'kysely';
import type { AuthedContext } from '../context';

interface Row {
  unit_id: string;
  answers: Record<string, unknown>;
  day: string;
}

const rate = (values: number[]) =>
  values.length ? values.filter((v) => v >= SATISFIED_FROM).length / values.length : null;
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/**
 * Satisfaction per unit and per question (share satisfied or very satisfied, and the mean
 * score), option counts, a daily trend; free-text answers only for those who may read them.
 * Aggregated in one pass over the responses, which are read as a stream of small rows.
 */
export async function results(
  ctx: AuthedContext,
  surveyId: string,
  unitId?: string,
): Promise<TSurveyResults> {
  const survey = await ctx.db.selectFrom('surveys').selectAll().where('id', '=', surveyId).executeTakeFirst();
  if (!survey || !ctx.ability.can('read', subject('Survey', survey))) {
    throw new AppError('NOT_FOUND', { message: 'survey not found', params: { entity: 'survey' } });
  }
  const questions = ZQuestionnaire.parse(survey.questions);
  const texts = ctx.ability.can('read', subject('Survey', survey), 'free_text');
  let q = ctx.db
    .selectFrom('survey_responses')
    .select([
      'unit_id',
      'answers',
      sql<string>`(submitted_at at time zone 'Asia/Shanghai')::date::text`.as('day'),
    ])
    .where('survey_id', '=', surveyId);
  if (unitId) q = q.where('unit_id', '=', unitId);
  const rows = (await q.execute()) as Row[];
  const units = await ctx.db
    .selectFrom('survey_targets as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['u.id', 'u.name'])
    .where('t.survey_id', '=', surveyId)
    .orderBy('u.name')
    .execute();
  const scales = questions.filter((x) => x.kind === 'scale5').map((x) => x.id);
  const scaleValues = (r: Row) =>
    scales.map((id) => r.answers[id]).filter((v): v is number => typeof v === 'number');
  const days = [...new Set(rows.map((r) => r.day))].sort();
  return {
    surveyId,
    responses: rows.length,
    units: units
      .filter((u) => !unitId || u.id === unitId)
      .map((u) => {
        const mine = rows.filter((r) => r.unit_id === u.id).flatMap(scaleValues);
        return {
          unitId: u.id,
          unitName: u.name,
          responses: rows.filter((r) => r.unit_id === u.id).length,
          satisfaction: rate(mine),
          mean: mean(mine),
        };
      }),
    questions: questions.map((question) => {
      const answered = rows.map((r) => r.answers[question.id]).filter((v) => v !== undefined);
      const numbers = answered.filter((v): v is number => typeof v === 'number');
      const chosen = answered.flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []));
      return {
        id: question.id,
        kind: question.kind,
        answered: answered.length,
        satisfaction: question.kind === 'scale5' ? rate(numbers) : null,
        mean: question.kind === 'scale5' ? mean(numbers) : null,
        options: question.options.map((o) => ({ id: o.id, count: chosen.filter((c) => c === o.id).length })),
        distribution:
          question.kind === 'scale5'
            ? [1, 2, 3, 4, 5].map((v) => numbers.filter((n) => n === v).length)
            : null,
        texts:
          question.kind === 'text'
            ? texts
              ? answered.filter((v): v is string => typeof v === 'string')
              : null
            : null,
      };
    }),
    trend: days.map((day) => {
      const today = rows.filter((r) => r.day === day);
      return { day, responses: today.length, satisfaction: rate(today.flatMap(scaleValues)) };
    }),
  };
}
