import { hash } from 'node:crypto';
import { AppError, type Clock, todayInChina } from '@wenming/core';
import type { Db } from '@wenming/db';
import { type TQuestion, validateAnswers, ZQuestionnaire, ZSubmitAnswers } from '@wenming/domain';
import type { z } from 'zod';
import { fieldErrors } from '../errors';
import { type AnswerOutcome, submitAnswer } from './answer-batch';

/** A flood from one address is slowed; everyone else keeps answering. */
export const ANSWERS_PER_IP_PER_MINUTE = 30;

/** What the public answer route reads from the request body (the token is in its path). */
export const ZAnswerBody = ZSubmitAnswers.omit({ token: true });
export type TAnswerBody = z.output<typeof ZAnswerBody>;

/** What a link leads to; all of it but the status is fixed once the survey exists. */
interface Target {
  surveyId: string;
  officeId: string;
  unitId: string;
  status: string;
  opensOn: string;
  closesOn: string;
  questions: TQuestion[];
}

/**
 * Open surveys by link token, per database. Their questions, owner and dates never change,
 * so a respondent's answer needs no read; whether the survey is still open is checked again
 * in the transaction that writes the answer (answer-batch.ts), so closing it takes effect at
 * once on every instance.
 */
const openTargets = new WeakMap<Db, Map<string, Target>>();
const MAX_CACHED = 5_000;

async function targetOf(db: Db, token: string): Promise<Target | null> {
  let byToken = openTargets.get(db);
  if (!byToken) {
    byToken = new Map();
    openTargets.set(db, byToken);
  }
  const cached = byToken.get(token);
  if (cached) return cached;
  const row = await db
    .selectFrom('survey_targets as t')
    .innerJoin('surveys as s', 's.id', 't.survey_id')
    .select([
      't.survey_id',
      't.unit_id',
      't.office_id',
      's.status',
      's.opens_on',
      's.closes_on',
      's.questions',
    ])
    .where('t.token', '=', token)
    .executeTakeFirst();
  if (!row) return null;
  const target: Target = {
    surveyId: row.survey_id,
    officeId: row.office_id,
    unitId: row.unit_id,
    status: row.status,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    questions: ZQuestionnaire.parse(row.questions) as TQuestion[],
  };
  // A draft may open later: only open surveys are kept, the oldest dropped first.
  if (target.status === 'open') {
    if (byToken.size >= MAX_CACHED) byToken.delete(byToken.keys().next().value!);
    byToken.set(token, target);
  }
  return target;
}

const closed = (target: Pick<Target, 'opensOn' | 'closesOn'>) =>
  new AppError('SURVEY_CLOSED', {
    message: 'this survey is not open',
    params: { opensOn: target.opensOn, closesOn: target.closesOn },
  });

/**
 * The usual well-formed body, checked by hand: exactly the values ZAnswerBody accepts (a
 * test compares the two on generated bodies), without building zod's copies of every
 * answer on the busiest path. Null for anything else, which zod then reads and explains.
 */
function plainAnswerBody(body: unknown): TAnswerBody | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { respondent, answers } = body as Record<string, unknown>;
  if (typeof respondent !== 'string' || respondent.length < 16 || respondent.length > 64) return null;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return null;
  if (Object.getPrototypeOf(answers) !== Object.prototype) return null;
  const values = answers as Record<string, unknown>;
  for (const id of Object.keys(values)) {
    const value = values[id];
    if (id.length > 32) return null;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return null;
    } else if (typeof value === 'string') {
      if (value.length > 4000) return null;
    } else if (Array.isArray(value)) {
      if (value.length > 30) return null;
      for (const option of value) if (typeof option !== 'string' || option.length > 64) return null;
    } else return null;
  }
  return { respondent, answers: values as TAnswerBody['answers'] };
}

/** The body of `POST /api/public/surveys/:token/answers`, or VALIDATION_FAILED naming its fields. */
export function readAnswerBody(body: unknown): TAnswerBody {
  const plain = plainAnswerBody(body);
  if (plain) return plain;
  const parsed = ZAnswerBody.safeParse(body);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      message: 'the request is not a survey answer',
      fields: fieldErrors(parsed.error),
    });
  return parsed.data;
}

/**
 * The hottest path: validate against the questionnaire, then one durable write shared with
 * the answers arriving at the same moment (group commit, see answer-batch.ts), which also
 * counts the address's rate limit. Success is answered only after the row is committed;
 * the same browser answering twice is ALREADY_ANSWERED and stores nothing. Refused answers
 * count against their address too, so a flood of bad ones is throttled.
 */
export async function acceptAnswer(
  deps: { db: Db; clock: Clock },
  token: string,
  input: TAnswerBody,
  ip: string,
): Promise<{ ok: true }> {
  const now = deps.clock.now();
  const rate = { rateKey: `survey:${ip}`, limit: ANSWERS_PER_IP_PER_MINUTE, windowSeconds: 60, now };
  let target: Target | null;
  let answers: string;
  try {
    target = token.length >= 8 && token.length <= 64 ? await targetOf(deps.db, token) : null;
    if (!target) throw new AppError('SURVEY_NOT_FOUND', { message: 'there is no survey at this link' });
    const day = todayInChina(now);
    if (target.status !== 'open' || day < target.opensOn || day > target.closesOn) throw closed(target);
    const checked = validateAnswers(target.questions, input.answers);
    if (!checked.ok)
      throw new AppError('VALIDATION_FAILED', {
        message: 'some answers are missing or invalid',
        fields: Object.fromEntries(checked.problems.map((p) => [`answers.${p.questionId}`, p.problem])),
      });
    answers = JSON.stringify(checked.answers);
  } catch (error) {
    if ((await submitAnswer(deps.db, rate)) === 'rate_limited') throw limited();
    throw error;
  }
  const outcome: AnswerOutcome = await submitAnswer(deps.db, {
    ...rate,
    row: {
      survey_id: target.surveyId,
      office_id: target.officeId,
      unit_id: target.unitId,
      respondent: hash('sha256', `${target.surveyId}:${input.respondent}`, 'base64url'),
      answers,
    },
  });
  if (outcome === 'stored') return { ok: true };
  if (outcome === 'rate_limited') throw limited();
  if (outcome === 'closed') {
    openTargets.get(deps.db)?.delete(token);
    throw closed(target);
  }
  throw new AppError('ALREADY_ANSWERED', { message: 'this browser has already answered this survey' });
}

const limited = () =>
  new AppError('RATE_LIMITED', { message: 'too many answers from this address; try again in a minute' });
