import { createFixture } from '@wenming/api/testing';
import { todayInChina } from '@wenming/core';
import { createTestDatabase } from '@wenming/db/testing';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { parseEnv } from './env';
import { startJobs } from './jobs';

const quiet = { info() {}, error() {} };

it('starts the reminder job with the server, runs it at once, and stops it before the database closes', async () => {
  const database = await createTestDatabase();
  try {
    const office = await database.db
      .insertInto('offices')
      .values({ code: 'C', name: '测试市文明办', level: 'city' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await database.db
      .insertInto('units')
      .values({ office_id: office.id, code: 'U', name: '测试单位', type: 'school' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const admin = await database.db
      .insertInto('users')
      .values({
        office_id: office.id,
        unit_id: unit.id,
        username: 'u',
        display_name: '单位管理员',
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('role_assignments')
      .values({ user_id: admin.id, role: 'unit_admin', office_id: office.id, unit_id: unit.id })
      .execute();
    // Due tomorrow, whenever the test runs.
    const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    await database.db
      .insertInto('rectifications')
      .values({
        office_id: office.id,
        unit_id: unit.id,
        title: '整改',
        requirement: '整改要求',
        deadline: tomorrow,
        issued_at: new Date(),
      })
      .execute();

    const env = parseEnv({ REMINDER_INTERVAL_MINUTES: '60' });
    expect(env.SMTP_URL).toBeUndefined();
    const jobs = startJobs(database.db, env, quiet);
    await jobs.tick();
    await jobs.stop();
    const inbox = await database.db.selectFrom('notifications').select(['user_id', 'kind']).execute();
    expect(inbox).toEqual([{ user_id: admin.id, kind: 'deadline_soon' }]);
  } finally {
    await database.close();
  }
});

it('deletes the rate-limit counters of ended windows at start, keeping the current ones', async () => {
  const database = await createTestDatabase();
  try {
    const now = Date.now();
    await database.db
      .insertInto('rate_limits')
      .values([
        // An objection hour that ended ten minutes ago, an answer minute of yesterday…
        { key: 'objection:10.0.0.1', window_start: new Date(now - 70 * 60_000), hits: 3 },
        { key: 'survey:10.0.0.1', window_start: new Date(now - 86_400_000), hits: 30 },
        // …and this hour's and this minute's, which still throttle.
        { key: 'objection:10.0.0.2', window_start: new Date(now - 50 * 60_000), hits: 2 },
        { key: 'survey:10.0.0.2', window_start: new Date(now - 30_000), hits: 12 },
      ])
      .execute();
    const jobs = startJobs(database.db, parseEnv({ REMINDER_INTERVAL_MINUTES: '60' }), quiet);
    await jobs.stop();
    const left = await database.db.selectFrom('rate_limits').select('key').orderBy('key').execute();
    expect(left.map((r) => r.key)).toEqual(['objection:10.0.0.2', 'survey:10.0.0.2']);
  } finally {
    await database.close();
  }
});

it("keeps each campaign's readiness at the end of the months that closed, at start", async () => {
  const database = await createTestDatabase();
  try {
    await createFixture(database.db);
    // Created two months before this one began, whenever the test runs: two months have closed.
    const today = todayInChina(new Date());
    const created = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 3, 15));
    await sql`update campaigns set created_at = ${created}`.execute(database.db);
    const campaigns = await database.db.selectFrom('campaigns').select('id').execute();
    const jobs = startJobs(database.db, parseEnv({ REMINDER_INTERVAL_MINUTES: '60' }), quiet);
    await jobs.stop();
    const kept = await database.db.selectFrom('readiness_month_ends').select('campaign_id').execute();
    expect(kept.length).toBe(campaigns.length * 2);
  } finally {
    await database.close();
  }
});
