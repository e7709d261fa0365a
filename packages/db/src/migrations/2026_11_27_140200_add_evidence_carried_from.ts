import { type Kysely, sql } from 'kysely';

// A standing material (rules, organization…) carried into the next term's ledger keeps
// a pointer to the item it came from.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('evidence_items')
    .addColumn('carried_from', 'uuid', (c) => c.references('evidence_items.id'))
    .execute();
  await sql`create index evidence_items_carried_idx on evidence_items (carried_from) where carried_from is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evidence_items').dropColumn('carried_from').execute();
}
