import { type Kysely, sql } from 'kysely';

/**
 * Each campaign's ledger readiness as it stood at the end of every month that has closed
 * since it was created (China's calendar), written by the server's jobs. The trend read them
 * again at each call from a million links (2.9 s for the city office by month); a closed
 * month's figure cannot change by later work, which is filed and retracted with the time it
 * happens, so it is kept instead, as it was when the month closed. See
 * packages/api/src/analytics/readiness-snapshots.ts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('readiness_month_ends')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    // The first day of the month whose end this is.
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id').onDelete('cascade'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('readiness', 'float8', (c) => c.notNull())
    .addPrimaryKeyConstraint('readiness_month_ends_pkey', ['campaign_id', 'month'])
    .execute();
  await sql`create index readiness_month_ends_office_idx on readiness_month_ends (office_id, unit_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('readiness_month_ends').execute();
}
