import { createTestDatabase } from '@wenming/db/testing';
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
