import { type Kysely, sql } from 'kysely';

// Recurring duties (e.g. leading-group minutes every quarter, a 学雷锋 activity every
// month): defined by an office for every unit below it, or by a unit for its campaign.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('duties')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.references('units.id'))
    .addColumn('campaign_id', 'uuid', (c) => c.references('campaigns.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) =>
      c.notNull().check(sql`period in ('monthly', 'quarterly', 'half_yearly', 'yearly')`),
    )
    .addColumn('evidence_kind', 'text')
    // Indicator codes, stable across framework versions and terms.
    .addColumn('indicator_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('duties_scope', sql`(unit_id is null) = (campaign_id is null)`)
    .execute();
  await db.schema.createIndex('duties_office_idx').on('duties').columns(['office_id', 'active']).execute();
  await db.schema.createIndex('duties_campaign_idx').on('duties').columns(['campaign_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('duties').execute();
}
