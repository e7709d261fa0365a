import type { Kysely } from 'kysely';

// A unit's indicator links in one index range: the comparison reads ten ledgers' links, and
// finding each of 2,000 items' links by its own key took six times as long at city scale.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('evidence_indicators_unit_idx')
    .on('evidence_indicators')
    .column('unit_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('evidence_indicators_unit_idx').execute();
}
