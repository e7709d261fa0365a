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
