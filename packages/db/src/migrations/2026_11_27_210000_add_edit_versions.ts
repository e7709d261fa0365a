import { type Kysely, sql } from 'kysely';

// The last edit forms without optimistic versions (assessment settings, moderations, replies
// to suggestions): each save now names the version it started from. A moderation taken back
// keeps its row with no points, so its version keeps counting and an editor still holding
// the taken-back value cannot silently restore it.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['assessment_settings', 'assessment_moderations', 'suggestions']) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }
  await sql`alter table assessment_moderations alter column points drop not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from assessment_moderations where points is null`.execute(db);
  await sql`alter table assessment_moderations alter column points set not null`.execute(db);
  for (const table of ['assessment_settings', 'assessment_moderations', 'suggestions']) {
    await db.schema.alterTable(table).dropColumn('version').execute();
  }
}
