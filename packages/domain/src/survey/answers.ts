import type { TQuestion } from './schemas';

export type AnswerValue = string | string[] | number;
export interface AnswerProblem {
  questionId: string;
  problem:
    | 'required'
    | 'unknown_question'
    | 'wrong_type'
    | 'unknown_option'
    | 'too_long'
    | 'out_of_range'
    | 'duplicate_option';
}

/**
 * Checks a response against its questionnaire. Returns the problems, or the answers
 * normalised (text trimmed, empty optional answers dropped, choices deduplicated-checked).
 * Anything that passes matches the questionnaire exactly: a test generates answers to prove it.
 */
export function validateAnswers(
  questions: TQuestion[],
  answers: Record<string, AnswerValue>,
): { ok: true; answers: Record<string, AnswerValue> } | { ok: false; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const out: Record<string, AnswerValue> = {};
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers))
    if (!known.has(id)) problems.push({ questionId: id, problem: 'unknown_question' });
  for (const q of questions) {
    const raw = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    const empty =
      raw === undefined ||
      (typeof raw === 'string' && raw.trim() === '') ||
      (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (q.required) problems.push({ questionId: q.id, problem: 'required' });
      continue;
    }
    const options = new Set(q.options.map((o) => o.id));
    switch (q.kind) {
      case 'single':
        if (typeof raw !== 'string') problems.push({ questionId: q.id, problem: 'wrong_type' });
        else if (!options.has(raw)) problems.push({ questionId: q.id, problem: 'unknown_option' });
        else out[q.id] = raw;
        break;
      case 'multiple':
        if (!Array.isArray(raw)) problems.push({ questionId: q.id, problem: 'wrong_type' });
        else if (raw.some((o) => !options.has(o)))
          problems.push({ questionId: q.id, problem: 'unknown_option' });
        else if (new Set(raw).size !== raw.length)
          problems.push({ questionId: q.id, problem: 'duplicate_option' });
        else out[q.id] = raw;
        break;
      case 'scale5':
        if (typeof raw !== 'number' || !Number.isInteger(raw))
          problems.push({ questionId: q.id, problem: 'wrong_type' });
        else if (raw < 1 || raw > 5) problems.push({ questionId: q.id, problem: 'out_of_range' });
        else out[q.id] = raw;
        break;
      case 'text':
        if (typeof raw !== 'string') problems.push({ questionId: q.id, problem: 'wrong_type' });
        else if (raw.trim().length > q.maxLength) problems.push({ questionId: q.id, problem: 'too_long' });
        else out[q.id] = raw.trim();
        break;
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, answers: out };
}

/** Satisfied means 4 (satisfied) or 5 (very satisfied) on the five-point scale. */
export const SATISFIED_FROM = 4;
