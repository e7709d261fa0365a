import { type Kysely, sql } from 'kysely';

// Spreadsheet imports of units and accounts, one row per committed file. The file's hash is
// unique per kind, so the same file committed twice (a double click, a second tab, a
// colleague) is refused instead of half-failing on taken codes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('units', 'users')`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('committed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('committed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('imports_kind_sha256_key', ['kind', 'sha256'])
    .execute();
  await db.schema
    .createIndex('imports_office_idx')
    .on('imports')
    .columns(['office_id', 'committed_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('imports').execute();
}
