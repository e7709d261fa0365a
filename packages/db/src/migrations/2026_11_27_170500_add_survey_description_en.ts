import type { Kysely } from 'kysely';

// Surveys are bilingual (title and questions carry zh and en): the introduction a
// respondent reads first gets its English text too.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('surveys')
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('surveys').dropColumn('description_en').execute();
}
