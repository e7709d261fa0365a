import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    // Set when a unit runs its own survey; null for an office's survey of many units.
    .addColumn('unit_id', 'uuid', (c) => c.references('units.id'))
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('public', 'staff')`))
    .addColumn('questions', 'jsonb', (c) => c.notNull())
    .addColumn('indicator_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'open', 'closed')`),
    )
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('surveys_dates', sql`opens_on <= closes_on`)
    .execute();
  await db.schema
    .createIndex('surveys_office_idx')
    .on('surveys')
    .columns(['office_id', 'created_at'])
    .execute();

  // One public link per target unit; the token is what the QR code carries.
  await db.schema
    .createTable('survey_targets')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('surveys.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addUniqueConstraint('survey_targets_unit_key', ['survey_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('survey_targets_office_idx')
    .on('survey_targets')
    .columns(['office_id', 'unit_id'])
    .execute();

  // Answers are immutable once stored; one per browser per survey (the respondent hash).
  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('surveys.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('respondent', 'text', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('survey_responses_respondent_key', ['survey_id', 'respondent'])
    .execute();
  await db.schema
    .createIndex('survey_responses_office_idx')
    .on('survey_responses')
    .columns(['office_id', 'survey_id', 'unit_id'])
    .execute();
  await sql`create trigger survey_responses_append_only before update or delete on survey_responses
    for each row execute function refuse_change_append_only()`.execute(db);

  // Fixed-window counters shared by every server instance (rate limits live in Postgres).
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pkey', ['key', 'window_start'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
  await db.schema.dropTable('survey_responses').execute();
  await db.schema.dropTable('survey_targets').execute();
  await db.schema.dropTable('surveys').execute();
}
