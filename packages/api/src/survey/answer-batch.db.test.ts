import { randomBytes } from 'node:crypto';
import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { rollupDrift } from '../analytics/rollup-check';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';
import { ANSWERS_PER_IP_PER_MINUTE } from './service';

// Answers arriving together are written in one batch (group commit); these check that a
// batch keeps the per-answer rules: the address limit counts in arrival order, one answer
// per browser, and every acknowledged answer is stored.
let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const clock = fixedClock('2027-04-10T02:00:00Z');
const respondent = () => randomBytes(16).toString('hex');
let token: string;
let surveyId: string;

beforeEach(async () => {
  const admin = await callerAs(t.db, f.users.unit1Admin, { clock });
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
  token = created.links[0]!.token;
  surveyId = created.id;
});

const stored = async () =>
  Number(
    (
      await t.db
        .selectFrom('survey_responses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('survey_id', '=', surveyId)
        .executeTakeFirstOrThrow()
    ).n,
  );

it('throttles a burst from one address arriving at once exactly at the limit', async () => {
  const flood = await callerAs(t.db, null, { clock, ip: '198.51.100.9' });
  const results = await Promise.allSettled(
    Array.from({ length: ANSWERS_PER_IP_PER_MINUTE + 10 }, () =>
      flood.survey.answer({ token, respondent: respondent(), answers: { overall: 5 } }),
    ),
  );
  const refused = await Promise.all(
    results.filter((r) => r.status === 'rejected').map((r) => failure(Promise.reject(r.reason))),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(ANSWERS_PER_IP_PER_MINUTE);
  expect(refused).toEqual(Array(10).fill({ code: 'TOO_MANY_REQUESTS', appCode: 'RATE_LIMITED' }));
  expect(await stored()).toBe(ANSWERS_PER_IP_PER_MINUTE);
});

it('keeps one answer per browser when the same browser answers twice at once', async () => {
  const same = respondent();
  const callers = await Promise.all(
    ['203.0.113.1', '203.0.113.2'].map((ip) => callerAs(t.db, null, { clock, ip })),
  );
  const results = await Promise.allSettled(
    callers.map((c) => c.survey.answer({ token, respondent: same, answers: { overall: 4 } })),
  );
  expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  const rejected = results.find((r) => r.status === 'rejected')!;
  expect(await failure(Promise.reject(rejected.reason))).toEqual({
    code: 'CONFLICT',
    appCode: 'ALREADY_ANSWERED',
  });
  expect(await stored()).toBe(1);
});

it('counts refused answers against the address as well', async () => {
  const caller = await callerAs(t.db, null, { clock, ip: '198.51.100.10' });
  for (let i = 0; i < ANSWERS_PER_IP_PER_MINUTE; i++) {
    expect(
      await failure(caller.survey.answer({ token: 'no-such-link', respondent: respondent(), answers: {} })),
    ).toMatchObject({ appCode: 'SURVEY_NOT_FOUND' });
  }
  expect(
    await failure(caller.survey.answer({ token, respondent: respondent(), answers: { overall: 5 } })),
  ).toEqual({ code: 'TOO_MANY_REQUESTS', appCode: 'RATE_LIMITED' });
  expect(await stored()).toBe(0);
});

it('keeps the survey tallies equal to the stored answers across concurrent batches', async () => {
  const callers = await Promise.all(
    Array.from({ length: 24 }, (_, i) => callerAs(t.db, null, { clock, ip: `192.0.2.${i + 1}` })),
  );
  const same = respondent();
  await Promise.allSettled(
    callers.flatMap((c, i) => [
      c.survey.answer({ token, respondent: respondent(), answers: { overall: 1 + (i % 5) } }),
      // Refused or duplicate answers in the same batches must not count.
      c.survey.answer({ token, respondent: same, answers: { overall: 5 } }),
      c.survey.answer({ token, respondent: respondent(), answers: { overall: 9 } }),
    ]),
  );
  expect(await stored()).toBe(25);
  const tally = await sql<{ answers: number; satisfied: number; score_sum: number }>`
    select answers, satisfied, score_sum from survey_unit_tallies where survey_id = ${surveyId}`.execute(
    t.db,
  );
  const truth = await sql<{ answers: number; satisfied: number; score_sum: number }>`
    select count(*)::int as answers, (count(*) filter (where (a.value)::text::int >= 4))::int as satisfied,
      sum((a.value)::text::numeric) as score_sum
    from survey_responses r cross join lateral jsonb_each(r.answers) a
    where r.survey_id = ${surveyId} and jsonb_typeof(a.value) = 'number'`.execute(t.db);
  expect(tally.rows).toEqual(truth.rows);
  expect(truth.rows[0]!.answers).toBe(25);
  expect(await rollupDrift(t.db)).toEqual([]);
});
