import { randomUUID } from 'node:crypto';
import { fixedClock } from '@wenming/core';
import type { Database } from '@wenming/db';
import { createTestDatabase } from '@wenming/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture } from '../testing/index';
import { type PendingAnswer, submitAnswer } from './answer-batch';

// A failing batch undoes itself and nothing else. Its own database, not a test transaction:
// the failure must be a real one, which would abort a transaction wrapped around the test.
let database: Database;
let f: Fixture;
let surveyId: string;
const clock = fixedClock('2027-04-10T02:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  f = await createFixture(database.db);
  const admin = await callerAs(database.db, f.users.unit1Admin, { clock });
  const created = await admin.survey.create({
    unitIds: [f.units.U1],
    title: { zh: '窗口服务测评', en: '' },
    audience: 'public',
    questions: [
      {
        id: 'overall',
        kind: 'scale5',
        required: true,
        title: { zh: '总体满意度', en: 'Overall' },
        options: [],
        maxLength: 500,
      },
    ],
    opensOn: '2027-04-01',
    closesOn: '2027-04-30',
  });
  await admin.survey.open({ id: created.id });
  surveyId = created.id;
});

afterAll(async () => {
  await database?.close();
});

const answer = (respondent: string, unitId = f.units.U1): PendingAnswer => ({
  rateKey: `answer:203.0.113.${respondent.length}`,
  limit: 1000,
  windowSeconds: 60,
  now: clock.now(),
  row: {
    survey_id: surveyId,
    office_id: f.offices.D1,
    unit_id: unitId,
    respondent,
    answers: '{"overall":5}',
  },
});

const respondents = async () =>
  (
    await database.db
      .selectFrom('survey_responses')
      .select('respondent')
      .where('survey_id', '=', surveyId)
      .execute()
  ).map((r) => r.respondent);

it('rejects every answer of a failed batch, stores none of them, and writes the batch behind it', async () => {
  // One batch: a good answer beside one naming a unit that does not exist.
  const first = Promise.allSettled([
    submitAnswer(database.db, answer('good-1')),
    submitAnswer(database.db, answer('bad', randomUUID())),
  ]);
  // Arrives while the first batch is in Postgres: the next batch.
  await new Promise((resolve) => setImmediate(resolve));
  const second = submitAnswer(database.db, answer('good-2'));
  expect((await first).map((s) => s.status)).toEqual(['rejected', 'rejected']);
  expect(await second).toBe('stored');
  expect(await respondents()).toEqual(['good-2']);
});
