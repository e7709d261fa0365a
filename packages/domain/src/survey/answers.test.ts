import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerValue, validateAnswers } from './answers';
import type { TQuestion } from './schemas';

const questions: TQuestion[] = [
  {
    id: 'q1',
    kind: 'scale5',
    required: true,
    title: { zh: '总体满意度', en: '' },
    options: [],
    maxLength: 500,
  },
  {
    id: 'q2',
    kind: 'single',
    required: true,
    title: { zh: '您的身份', en: '' },
    options: [
      { id: 'staff', label: { zh: '职工', en: '' } },
      { id: 'public', label: { zh: '群众', en: '' } },
    ],
    maxLength: 500,
  },
  {
    id: 'q3',
    kind: 'multiple',
    required: false,
    title: { zh: '需要改进的方面', en: '' },
    options: ['a', 'b', 'c'].map((id) => ({ id, label: { zh: id, en: '' } })),
    maxLength: 500,
  },
  { id: 'q4', kind: 'text', required: false, title: { zh: '意见建议', en: '' }, options: [], maxLength: 20 },
];

describe('answers', () => {
  it('accepts a complete response and normalises it', () => {
    expect(validateAnswers(questions, { q1: 5, q2: 'public', q3: ['a', 'c'], q4: '  服务很好  ' })).toEqual({
      ok: true,
      answers: { q1: 5, q2: 'public', q3: ['a', 'c'], q4: '服务很好' },
    });
  });

  it('names every problem', () => {
    const r = validateAnswers(questions, {
      q1: 7,
      q2: 'alien',
      q3: ['a', 'a'],
      q4: '长'.repeat(21),
      q9: 'x',
    } as Record<string, AnswerValue>);
    expect(r.ok ? [] : r.problems.map((p) => `${p.questionId}:${p.problem}`)).toEqual([
      'q9:unknown_question',
      'q1:out_of_range',
      'q2:unknown_option',
      'q3:duplicate_option',
      'q4:too_long',
    ]);
    expect(validateAnswers(questions, {})).toMatchObject({
      ok: false,
      problems: [
        { questionId: 'q1', problem: 'required' },
        { questionId: 'q2', problem: 'required' },
      ],
    });
  });

  it('lets nothing through that does not match the questionnaire', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.array(fc.constantFrom('a', 'b', 'c', 'x', 'staff'), { maxLength: 4 }),
      fc.integer({ min: -2, max: 8 }),
      fc.double(),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('q1', 'q2', 'q3', 'q4', 'zz', '__proto__'), value),
        (answers) => {
          const r = validateAnswers(questions, answers);
          if (!r.ok) return;
          for (const [id, v] of Object.entries(r.answers)) {
            const q = questions.find((x) => x.id === id)!;
            expect(q).toBeDefined();
            if (q.kind === 'scale5') expect([1, 2, 3, 4, 5]).toContain(v);
            if (q.kind === 'single') expect(q.options.map((o) => o.id)).toContain(v);
            if (q.kind === 'multiple')
              expect((v as string[]).every((o) => q.options.some((x) => x.id === o))).toBe(true);
            if (q.kind === 'text') expect((v as string).length).toBeLessThanOrEqual(q.maxLength);
          }
          for (const q of questions.filter((x) => x.required)) expect(r.answers[q.id]).toBeDefined();
        },
      ),
    );
  });
});
