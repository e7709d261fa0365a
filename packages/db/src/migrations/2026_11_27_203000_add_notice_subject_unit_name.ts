import { type Kysely, sql } from 'kysely';

// A public notice (公示) names its units as they were called when it was published — it is
// a document, and every unit reading it under row-level security sees the whole list
// without seeing the other units' own records.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notice_subjects').addColumn('unit_name', 'text').execute();
  await sql`update notice_subjects s set unit_name = u.name from units u where u.id = s.unit_id`.execute(db);
  await sql`alter table notice_subjects alter column unit_name set not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notice_subjects').dropColumn('unit_name').execute();
}
