import type { Kysely } from 'kysely';

// A re-examination (复查) names the inspection that carried it out, so the register and the
// inspection each lead to the other.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('status_records')
    .addColumn('inspection_id', 'uuid', (c) => c.references('inspections.id'))
    .execute();
  await db.schema
    .createIndex('status_records_inspection_idx')
    .on('status_records')
    .column('inspection_id')
    .where('inspection_id', 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('status_records_inspection_idx').execute();
  await db.schema.alterTable('status_records').dropColumn('inspection_id').execute();
}
