import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callerAs, createFixture, type Fixture } from '@wenming/api/testing';
import { fixedClock } from '@wenming/core';
import type { Database } from '@wenming/db';
import { createTestDatabase } from '@wenming/db/testing';
import { LocalDiskStore } from '@wenming/storage';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app';

/** The public survey page's answer route, over real HTTP against a listening server. */
let database: Database;
let app: FastifyInstance;
let base: string;
let dir: string;
let f: Fixture;
const clock = fixedClock('2027-04-10T02:00:00Z');
let seq = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await createFixture(database.db);
  dir = mkdtempSync(join(tmpdir(), 'wenming-answers-'));
  app = await buildServer({
    database,
    store: new LocalDiskStore(join(dir, 'files')),
    clock,
    // Each test speaks from addresses of its own, as respondents behind a proxy would.
    trustProxy: true,
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openSurvey() {
  const admin = await callerAs(database.db, f.users.unit1Admin, { clock });
  const survey = await admin.survey.create({
    unitIds: [f.units.U1],
    title: { zh: '窗口服务满意度测评', en: 'Service desk survey' },
    audience: 'public',
    questions: [
      { id: 'overall', kind: 'scale5', required: true, title: { zh: '总体满意度', en: 'Overall' } },
      {
        id: 'who',
        kind: 'single',
        required: true,
        title: { zh: '您的身份', en: 'You are' },
        options: [
          { id: 'resident', label: { zh: '居民', en: 'Resident' } },
          { id: 'visitor', label: { zh: '办事群众', en: 'Visitor' } },
        ],
      },
      { id: 'advice', kind: 'text', required: false, title: { zh: '意见建议', en: 'Advice' }, maxLength: 20 },
    ],
    opensOn: '2027-04-01',
    closesOn: '2027-04-30',
  });
  await admin.survey.open({ id: survey.id });
  return { admin, id: survey.id, token: survey.links[0]!.token };
}

const respondent = () => randomBytes(16).toString('hex');
const address = () => `10.1.${(++seq >> 8) & 255}.${seq & 255}`;

interface Answered {
  ok?: true;
  error?: { appCode: string; fields: Record<string, string> | null };
}

async function answer(
  token: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Answered }> {
  const res = await fetch(`${base}/api/public/surveys/${token}/answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answered };
}

const stored = async (surveyId: string) =>
  (
    await sql<{ respondent: string; answers: Record<string, unknown> }>`
      select respondent, answers from survey_responses where survey_id = ${surveyId}`.execute(database.db)
  ).rows;

describe('POST /api/public/surveys/:token/answers', () => {
  it('stores every answer it accepts, many respondents at once, as validated', async () => {
    const { id, token } = await openSurvey();
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        answer(token, {
          respondent: respondent(),
          answers: { overall: (i % 5) + 1, who: i % 2 ? 'resident' : 'visitor', advice: `  第${i}条  ` },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(60).fill(201));
    expect(results[0]!.body).toEqual({ ok: true });
    const rows = await stored(id);
    expect(rows).toHaveLength(60);
    // Stored normalised: text trimmed, nothing but the questionnaire's answers.
    expect(rows.map((r) => r.answers.advice).sort()).toEqual(
      Array.from({ length: 60 }, (_, i) => `第${i}条`).sort(),
    );
  });

  it('refuses invalid answers with 400 naming each question, and stores nothing', async () => {
    const { id, token } = await openSurvey();
    const bad = await answer(token, {
      respondent: respondent(),
      answers: { overall: 9, who: 'alien', advice: '长'.repeat(21), extra: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      appCode: 'VALIDATION_FAILED',
      fields: {
        'answers.overall': 'out_of_range',
        'answers.who': 'unknown_option',
        'answers.advice': 'too_long',
        'answers.extra': 'unknown_question',
      },
    });
    const missing = await answer(token, { respondent: respondent(), answers: { advice: '很好' } });
    expect(missing.body.error?.fields).toEqual({ 'answers.overall': 'required', 'answers.who': 'required' });
    // Not an answer at all: the envelope's fields are named too.
    const envelope = await answer(token, { respondent: 'short', answers: [] });
    expect(envelope.status).toBe(400);
    expect(Object.keys(envelope.body.error?.fields ?? {}).sort()).toEqual(['answers', 'respondent']);
    expect(await stored(id)).toEqual([]);
  });

  it('refuses unknown links, closed surveys and a second answer from the same browser', async () => {
    const { admin, id, token } = await openSurvey();
    const unknown = await answer('no-such-link-here', { respondent: respondent(), answers: { overall: 4 } });
    expect(unknown).toMatchObject({ status: 404, body: { error: { appCode: 'SURVEY_NOT_FOUND' } } });
    const me = respondent();
    expect((await answer(token, { respondent: me, answers: { overall: 4, who: 'resident' } })).status).toBe(
      201,
    );
    const again = await answer(token, { respondent: me, answers: { overall: 1, who: 'visitor' } });
    expect(again).toMatchObject({ status: 409, body: { error: { appCode: 'ALREADY_ANSWERED' } } });
    // Closed while respondents are answering: the very next answer is refused.
    await admin.survey.close({ id });
    const late = await answer(token, { respondent: respondent(), answers: { overall: 5, who: 'resident' } });
    expect(late).toMatchObject({ status: 409, body: { error: { appCode: 'SURVEY_CLOSED' } } });
    expect(await stored(id)).toHaveLength(1);
  });

  it('throttles a flood from one address while other respondents still succeed', async () => {
    const { id, token } = await openSurvey();
    const flood = { 'x-forwarded-for': '198.51.100.77' };
    const body = () => ({ respondent: respondent(), answers: { overall: 3, who: 'visitor' } });
    const burst = await Promise.all(Array.from({ length: 40 }, () => answer(token, body(), flood)));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(30);
    expect(burst.filter((r) => r.status === 429).map((r) => r.body.error?.appCode)).toEqual(
      Array(10).fill('RATE_LIMITED'),
    );
    expect((await answer(token, body())).status).toBe(201);
    expect(await stored(id)).toHaveLength(31);
    clock.set('2027-04-10T02:01:00Z');
    try {
      expect((await answer(token, body(), flood)).status).toBe(201);
    } finally {
      clock.set('2027-04-10T02:00:00Z');
    }
  });

  it('takes JSON from this site only, and no body over the limit', async () => {
    const { id, token } = await openSurvey();
    const body = { respondent: respondent(), answers: { overall: 4, who: 'resident' } };
    // What a cross-site page could send without asking first.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await answer(token, JSON.stringify(body), { 'content-type': type });
      expect(res.status, type).toBeGreaterThanOrEqual(400);
      expect(res.status, type).toBeLessThan(500);
    }
    expect((await answer(token, body, { origin: 'https://evil.example' })).status).toBe(403);
    const huge = await answer(token, { ...body, answers: { advice: 'x'.repeat(2 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    expect(await stored(id)).toEqual([]);
    expect((await answer(token, body, { origin: base })).status).toBe(201);
  });
});
