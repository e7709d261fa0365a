import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from './migrate';
import { migrations } from './migrations/index';
import { createTestDatabase } from './testing/index';

it('runs every migration down to an empty schema and up again', async () => {
  const database = await createTestDatabase();
  try {
    const names = Object.keys(migrations);
    for (const _ of names) await migrateDown(database.db, database.schema);
    const tables = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables
      where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(database.db);
    expect(tables.rows[0]!.n).toBe(0);
    expect(await migrateToLatest(database.db, database.schema)).toEqual(names);
    expect(await migrateToLatest(database.db, database.schema)).toEqual([]);
  } finally {
    await database.close();
  }
});

it('puts row-level security back on a start when the recorded policies are not the current ones', async () => {
  const database = await createTestDatabase();
  try {
    const policies = () =>
      sql<{ n: number }>`select count(*)::int as n from pg_policies
        where schemaname = current_schema() and tablename = 'units'`.execute(database.db);
    const before = (await policies()).rows[0]!.n;
    expect(before).toBeGreaterThan(0);
    // A start that ran no migration trusts policies recorded as current…
    await sql`drop policy tenant_isolation on units`.execute(database.db);
    await migrateToLatest(database.db, database.schema);
    expect((await policies()).rows[0]!.n).toBe(before - 1);
    // …and applies them again when the record says otherwise (older code, another version).
    await sql`comment on function app_setting_ids(text) is 'stale'`.execute(database.db);
    await migrateToLatest(database.db, database.schema);
    expect((await policies()).rows[0]!.n).toBe(before);
  } finally {
    await database.close();
  }
});
