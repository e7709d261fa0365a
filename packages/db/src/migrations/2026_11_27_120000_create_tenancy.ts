import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here. Postgres 15 syntax only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('offices')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('parent_id', 'uuid', (c) => c.references('offices.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('province', 'city', 'district')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('offices_parent_idx').on('offices').column('parent_id').execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(sql`type in ('community', 'school', 'agency', 'hospital', 'enterprise', 'village', 'other')`),
    )
    .addColumn('address', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('status_level', 'text', (c) =>
      c
        .notNull()
        .defaultTo('none')
        .check(sql`status_level in ('none', 'county', 'city', 'city_model', 'provincial', 'national')`),
    )
    .addColumn('term_start_year', 'integer')
    .addColumn('term_end_year', 'integer')
    .addColumn('decision_no', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('units_term_order', sql`term_end_year is null or term_start_year <= term_end_year`)
    .execute();
  // Keyset pagination walks (sort key, id); the office prefix keeps tenant filters index lookups.
  await db.schema
    .createIndex('units_office_name_idx')
    .on('units')
    .columns(['office_id', 'name', 'id'])
    .execute();
  await db.schema.createIndex('units_office_code_idx').on('units').columns(['office_id', 'code']).execute();
  await db.schema
    .createIndex('units_office_level_idx')
    .on('units')
    .columns(['office_id', 'status_level'])
    .execute();
  await db.schema.createIndex('units_name_idx').on('units').columns(['name', 'id']).execute();

  await db.schema
    .createTable('departments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('departments_unit_name_key', ['unit_id', 'name'])
    .execute();
  await db.schema.createIndex('departments_office_idx').on('departments').column('office_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('departments').execute();
  await db.schema.dropTable('units').execute();
  await db.schema.dropTable('offices').execute();
}
