import { type Kysely, sql } from 'kysely';

// Frameworks are a shared library (provincial and national texts apply across offices);
// which version applies where is tenant data: framework_assignments carries office_id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('frameworks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('national', 'provincial', 'city', 'county')`),
    )
    .addColumn('applies_to', sql`text[]`, (c) => c.notNull())
    .addColumn('total_points', 'numeric', (c) => c.notNull())
    .addColumn('pass_threshold', 'numeric')
    // The file itself, as imported: export is lossless because it is this, unchanged.
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('frameworks_code_version_key', ['code', 'version'])
    .execute();

  await db.schema
    .createTable('framework_categories')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('framework_id', 'uuid', (c) => c.notNull().references('frameworks.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('points', 'numeric', (c) => c.notNull())
    .addColumn('special', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reconstructed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addUniqueConstraint('framework_categories_code_key', ['framework_id', 'code'])
    .execute();

  await db.schema
    .createTable('framework_indicators')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('framework_id', 'uuid', (c) => c.notNull().references('frameworks.id').onDelete('cascade'))
    .addColumn('category_id', 'uuid', (c) =>
      c.notNull().references('framework_categories.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('points', 'numeric', (c) => c.notNull())
    .addColumn('veto', 'boolean', (c) => c.notNull())
    .addColumn('method_zh', 'text', (c) => c.notNull())
    .addColumn('evidence', sql`text[]`, (c) => c.notNull())
    .addColumn('reconstructed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addUniqueConstraint('framework_indicators_code_key', ['framework_id', 'code'])
    .execute();
  await db.schema
    .createIndex('framework_indicators_category_idx')
    .on('framework_indicators')
    .column('category_id')
    .execute();

  await db.schema
    .createTable('framework_assignments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('framework_id', 'uuid', (c) => c.notNull().references('frameworks.id'))
    .addColumn('target_level', 'text', (c) =>
      c.notNull().check(sql`target_level in ('county', 'city', 'city_model', 'provincial', 'national')`),
    )
    // null: every unit type without an assignment of its own.
    .addColumn('unit_type', 'text')
    .addColumn('published_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index framework_assignments_slot_idx on framework_assignments
    (office_id, target_level, coalesce(unit_type, ''))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('framework_assignments').execute();
  await db.schema.dropTable('framework_indicators').execute();
  await db.schema.dropTable('framework_categories').execute();
  await db.schema.dropTable('frameworks').execute();
}
