import { type AnswerValue, type TQuestion, validateAnswers } from '@wenming/domain';
import { describe, expect, it } from 'vitest';
import { check, clean, serverProblems } from '../../public-survey/answers';

const questions: TQuestion[] = [
  { id: 'q1', kind: 'scale5', required: true, title: { zh: '总体', en: '' }, options: [], maxLength: 500 },
  {
    id: 'q2',
    kind: 'single',
    required: true,
    title: { zh: '身份', en: '' },
    options: [
      { id: 'o1', label: { zh: '群众', en: '' } },
      { id: 'o2', label: { zh: '职工', en: '' } },
    ],
    maxLength: 500,
  },
  {
    id: 'q3',
    kind: 'multiple',
    required: false,
    title: { zh: '改进', en: '' },
    options: [
      { id: 'o1', label: { zh: '标识', en: '' } },
      { id: 'o2', label: { zh: '态度', en: '' } },
    ],
    maxLength: 500,
  },
  { id: 'q4', kind: 'text', required: false, title: { zh: '建议', en: '' }, options: [], maxLength: 10 },
];

/** What the public page can get from its own inputs: valid options and scores, any text. */
const cases: Record<string, AnswerValue>[] = [
  {},
  { q1: 4 },
  { q1: 5, q2: 'o1' },
  { q1: 1, q2: 'o2', q3: [], q4: '   ' },
  { q1: 3, q2: 'o1', q3: ['o2', 'o1'], q4: '  十个字以内的建议  ' },
  { q1: 2, q2: 'o2', q4: '这一条建议已经超过了十个字' },
  { q2: 'o1', q4: '' },
];

describe('the public page checks answers as the server does', () => {
  it('finds the same problems, and what it sends passes the server unchanged', () => {
    for (const answers of cases) {
      const mine = check(questions, answers);
      const server = validateAnswers(questions, clean(questions, answers));
      const theirs = server.ok ? [] : server.problems.map((p) => [p.questionId, p.problem]);
      expect([...mine.entries()]).toEqual(theirs);
      if (server.ok) expect(server.answers).toEqual(clean(questions, answers));
    }
  });

  it("reads the server's field codes as problems next to their questions", () => {
    const problems = serverProblems({
      'answers.q1': 'required',
      'answers.q2': 'unknown_option',
      'answers.q4': 'too_long',
      token: 'invalid',
    });
    expect([...problems.entries()]).toEqual([
      ['q1', 'required'],
      ['q2', 'invalid'],
      ['q4', 'too_long'],
    ]);
  });
});
