import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { declaredColumns } from './columns';
import { useTestDb } from './testing/index';

const t = useTestDb();

describe('migrated schema', () => {
  it('matches the Kysely types column for column, nullability included (no drift)', async () => {
    const rows = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
      select table_name, column_name, is_nullable from information_schema.columns
      where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(t.db);
    const actual: Record<string, Record<string, string>> = {};
    for (const r of rows.rows) {
      actual[r.table_name] ??= {};
      actual[r.table_name]![r.column_name] = r.is_nullable === 'YES' ? 'null' : 'not null';
    }
    expect(actual).toEqual(declaredColumns);
  });

  it('puts office_id on every tenant-owned table, indexed', async () => {
    const tenantTables = Object.keys(declaredColumns).filter(
      (name) => 'office_id' in declaredColumns[name as never],
    );
    expect(tenantTables).toEqual(
      expect.arrayContaining([
        'units',
        'departments',
        'users',
        'role_assignments',
        'status_records',
        'audit_log',
      ]),
    );
    const indexed = await sql<{ tablename: string; indexdef: string }>`
      select tablename, indexdef from pg_indexes where schemaname = current_schema()`.execute(t.db);
    for (const table of tenantTables) {
      const defs = indexed.rows.filter((r) => r.tablename === table).map((r) => r.indexdef);
      expect(
        defs.some((d) => /\(office_id[,)]/.test(d)),
        `${table} has an index led by office_id`,
      ).toBe(true);
    }
  });

  it('keeps the status history append-only: updates and deletes are refused by the database', async () => {
    const office = await t.db
      .insertInto('offices')
      .values({ code: 'X', name: '测试市文明办', level: 'city' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await t.db
      .insertInto('units')
      .values({ office_id: office.id, code: 'U1', name: '测试单位', type: 'school' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rec = await t.db
      .insertInto('status_records')
      .values({ office_id: office.id, unit_id: unit.id, action: 'initial', level: 'none' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      t.db.updateTable('status_records').set({ level: 'national' }).where('id', '=', rec.id).execute(),
    ).rejects.toThrow(/append-only/);
  });
});
