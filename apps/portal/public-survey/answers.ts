import type { AnswerValue, TQuestion } from '@wenming/domain';

export type Answers = Record<string, AnswerValue>;
/** The problems the page itself can see; the server checks everything again and names the rest. */
export type Problem = 'required' | 'too_long' | 'invalid';

function blank(value: AnswerValue | undefined): boolean {
  return (
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * The same rules as the domain's `validateAnswers`, in the few lines this page needs: the
 * inputs only offer valid options and scores, so what is left is required and length.
 * (Importing the domain package would bring zod to every respondent's phone.)
 */
export function check(questions: TQuestion[], answers: Answers): Map<string, Problem> {
  const problems = new Map<string, Problem>();
  for (const q of questions) {
    const value = answers[q.id];
    if (blank(value)) {
      if (q.required) problems.set(q.id, 'required');
    } else if (q.kind === 'text' && typeof value === 'string' && value.trim().length > q.maxLength) {
      problems.set(q.id, 'too_long');
    }
  }
  return problems;
}

/** What is sent: text trimmed, unanswered optional questions left out, unknown ids dropped. */
export function clean(questions: TQuestion[], answers: Answers): Answers {
  const out: Answers = {};
  for (const q of questions) {
    const value = answers[q.id];
    if (blank(value)) continue;
    out[q.id] = typeof value === 'string' ? value.trim() : (value as AnswerValue);
  }
  return out;
}

/** The server's field codes (`answers.<id>` → required, too_long, unknown_option…) as this page's problems. */
export function serverProblems(fields: Record<string, string>): Map<string, Problem> {
  const problems = new Map<string, Problem>();
  for (const [path, code] of Object.entries(fields)) {
    const id = path.startsWith('answers.') ? path.slice('answers.'.length) : '';
    if (id) problems.set(id, code === 'required' || code === 'too_long' ? code : 'invalid');
  }
  return problems;
}

interface Kept {
  respondent?: string;
  draft?: Answers;
  done?: boolean;
}

function randomId(): string {
  // getRandomValues works on plain http too (randomUUID needs a secure context).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * What this browser keeps per link: its random respondent id (one answer per browser, and
 * nothing about the person), the answers typed so far (a reload or a dropped connection
 * loses nothing) and whether it has answered. Private modes may refuse storage: the page
 * still works, it just forgets on reload.
 */
export function keeper(token: string) {
  const key = `wenming.survey.${token}`;
  let memory: Kept = {};
  try {
    memory = JSON.parse(localStorage.getItem(key) ?? '{}') as Kept;
  } catch {
    memory = {};
  }
  const write = () => {
    try {
      localStorage.setItem(key, JSON.stringify(memory));
    } catch {
      // Not kept across reloads; this page still has it.
    }
  };
  if (typeof memory.respondent !== 'string' || memory.respondent.length < 16) {
    memory.respondent = randomId();
    write();
  }
  return {
    respondent: memory.respondent as string,
    draft: (memory.draft && typeof memory.draft === 'object' ? memory.draft : {}) as Answers,
    get done() {
      return memory.done === true;
    },
    saveDraft(answers: Answers) {
      memory.draft = answers;
      write();
    },
    finish() {
      memory.done = true;
      delete memory.draft;
      write();
    },
  };
}
