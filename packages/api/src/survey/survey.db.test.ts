import { randomBytes } from 'node:crypto';
import { fixedClock } from '@wenming/core';
import { createTestDatabase, useTestDb } from '@wenming/db/testing';
import type { TQuestion } from '@wenming/domain';
import { describe, expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture, failure } from '../testing/index';
import { ANSWERS_PER_IP_PER_MINUTE } from './service';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const clock = fixedClock('2027-04-10T02:00:00Z');
const questions: TQuestion[] = [
  {
    id: 'overall',
    kind: 'scale5',
    required: true,
    title: { zh: '您对本单位创建工作的总体满意度', en: 'Overall satisfaction' },
    options: [],
    maxLength: 500,
  },
  {
    id: 'who',
    kind: 'single',
    required: true,
    title: { zh: '您的身份', en: 'You are' },
    options: [
      { id: 'resident', label: { zh: '居民', en: 'Resident' } },
      { id: 'visitor', label: { zh: '办事群众', en: 'Visitor' } },
    ],
    maxLength: 500,
  },
  {
    id: 'advice',
    kind: 'text',
    required: false,
    title: { zh: '意见建议', en: 'Advice' },
    options: [],
    maxLength: 200,
  },
];
const respondent = () => randomBytes(16).toString('hex');

async function openSurvey() {
  const admin = await callerAs(t.db, f.users.unit1Admin, { clock });
  const created = await admin.survey.create({
    unitIds: [f.units.U1],
    title: { zh: '2027年群众满意度测评', en: 'Satisfaction survey 2027' },
    audience: 'public',
    questions,
    opensOn: '2027-04-01',
    closesOn: '2027-04-30',
  });
  await admin.survey.open({ id: created.id });
  return { admin, survey: created, token: created.links[0]!.token };
}

describe('satisfaction surveys', () => {
  it('lets anyone with the link answer once per browser, without signing in', async () => {
    const { admin, survey, token } = await openSurvey();
    const publicCaller = await callerAs(t.db, null, { clock, ip: '203.0.113.5' });
    const form = await publicCaller.survey.form({ token });
    expect(form).toMatchObject({ unitName: 'U1 单位', closesOn: '2027-04-30' });
    const me = respondent();
    expect(
      await publicCaller.survey.answer({
        token,
        respondent: me,
        answers: { overall: 5, who: 'resident', advice: '  窗口服务热情  ' },
      }),
    ).toEqual({ ok: true });
    expect(
      await failure(
        publicCaller.survey.answer({ token, respondent: me, answers: { overall: 1, who: 'visitor' } }),
      ),
    ).toEqual({ code: 'CONFLICT', appCode: 'ALREADY_ANSWERED' });
    await publicCaller.survey.answer({
      token,
      respondent: respondent(),
      answers: { overall: 3, who: 'visitor' },
    });
    const results = await admin.survey.results({ id: survey.id });
    expect(results.responses).toBe(2);
    expect(results.units).toEqual([
      { unitId: f.units.U1, unitName: 'U1 单位', responses: 2, satisfaction: 0.5, mean: 4 },
    ]);
    expect(results.questions.find((q) => q.id === 'advice')?.texts).toEqual(['窗口服务热情']);
    expect(results.questions.find((q) => q.id === 'who')?.options).toEqual([
      { id: 'resident', count: 1 },
      { id: 'visitor', count: 1 },
    ]);
    expect(results.trend).toEqual([{ day: '2027-04-10', responses: 2, satisfaction: 0.5 }]);
    expect(results.questions.find((q) => q.id === 'overall')?.distribution).toEqual([0, 0, 1, 0, 1]);
  });

  it('refuses malformed answers naming the question, and stores nothing', async () => {
    const { token } = await openSurvey();
    const publicCaller = await callerAs(t.db, null, { clock });
    const refused = await failure(
      publicCaller.survey.answer({ token, respondent: respondent(), answers: { overall: 9, extra: 'x' } }),
    );
    expect(refused).toEqual({ code: 'BAD_REQUEST', appCode: 'VALIDATION_FAILED' });
    expect(
      (
        await failure(
          publicCaller.survey.answer({
            token,
            respondent: respondent(),
            answers: { overall: 'lots' as never, who: 'resident' },
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    expect(await t.db.selectFrom('survey_responses').select('id').execute()).toEqual([]);
  });

  it('answers a clear refusal for unknown links and closed surveys', async () => {
    const { admin, survey, token } = await openSurvey();
    const publicCaller = await callerAs(t.db, null, { clock });
    expect(await failure(publicCaller.survey.form({ token: 'no-such-link' }))).toEqual({
      code: 'NOT_FOUND',
      appCode: 'SURVEY_NOT_FOUND',
    });
    await admin.survey.close({ id: survey.id });
    expect(
      await failure(
        publicCaller.survey.answer({
          token,
          respondent: respondent(),
          answers: { overall: 4, who: 'resident' },
        }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      appCode: 'SURVEY_CLOSED',
    });
  });

  it('throttles a flood from one address while other respondents still succeed', async () => {
    const { token } = await openSurvey();
    const flood = await callerAs(t.db, null, { clock, ip: '198.51.100.66' });
    for (let i = 0; i < ANSWERS_PER_IP_PER_MINUTE; i++) {
      await flood.survey.answer({ token, respondent: respondent(), answers: { overall: 4, who: 'visitor' } });
    }
    expect(
      await failure(
        flood.survey.answer({ token, respondent: respondent(), answers: { overall: 4, who: 'visitor' } }),
      ),
    ).toEqual({
      code: 'TOO_MANY_REQUESTS',
      appCode: 'RATE_LIMITED',
    });
    const neighbour = await callerAs(t.db, null, { clock, ip: '198.51.100.67' });
    expect(
      await neighbour.survey.answer({
        token,
        respondent: respondent(),
        answers: { overall: 5, who: 'resident' },
      }),
    ).toEqual({ ok: true });
    clock.set('2027-04-10T02:01:00Z');
    expect(
      await flood.survey.answer({ token, respondent: respondent(), answers: { overall: 4, who: 'visitor' } }),
    ).toEqual({ ok: true });
    clock.set('2027-04-10T02:00:00Z');
  });

  it('never shows analysts free-text answers', async () => {
    const { survey, token } = await openSurvey();
    await (await callerAs(t.db, null, { clock })).survey.answer({
      token,
      respondent: respondent(),
      answers: { overall: 4, who: 'resident', advice: '我的电话是13900000000' },
    });
    await t.db.updateTable('surveys').set({ unit_id: null }).where('id', '=', survey.id).execute();
    const analyst = await callerAs(t.db, f.users.cityAnalyst, { clock });
    const results = await analyst.survey.results({ id: survey.id });
    expect(results.questions.find((q) => q.id === 'advice')?.texts).toBeNull();
    expect(results.units[0]?.satisfaction).toBe(1);
    const inspector = await callerAs(t.db, f.users.cityInspector, { clock });
    expect(
      (await inspector.survey.results({ id: survey.id })).questions.find((q) => q.id === 'advice')?.texts,
    ).toEqual(['我的电话是13900000000']);
  });
});

it('counts every accepted answer exactly under concurrent answering', async () => {
  const database = await createTestDatabase();
  try {
    const fx = await createFixture(database.db);
    const admin = await callerAs(database.db, fx.users.unit1Admin, { clock });
    const created = await admin.survey.create({
      unitIds: [fx.units.U1],
      title: { zh: '并发测评', en: '' },
      audience: 'staff',
      questions,
      opensOn: '2027-04-01',
      closesOn: '2027-04-30',
    });
    await admin.survey.open({ id: created.id });
    const token = created.links[0]!.token;
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, async (_, i) => {
        const caller = await callerAs(database.db, null, { clock, ip: `10.0.${i % 4}.1` });
        return caller.survey.answer({
          token,
          respondent: respondent(),
          answers: { overall: (i % 5) + 1, who: 'resident' },
        });
      }),
    );
    const accepted = results.filter((r) => r.status === 'fulfilled').length;
    const stored = await database.db
      .selectFrom('survey_responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('survey_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(accepted).toBe(40);
    expect(Number(stored.n)).toBe(accepted);
  } finally {
    await database.close();
  }
});
