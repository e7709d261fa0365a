import { type Kysely, sql } from 'kysely';

// Assessment (测评) of a submitted campaign and the decision that ends it: self-scores,
// assessors' independent scores, the office's moderation, exemptions, confirmed vetoes
// (一票否决) and the decision (命名 / 保留 / 不予通过) that writes the status register.
export async function up(db: Kysely<any>): Promise<void> {
  // What the office sets per target level where the framework is silent: pass mark, quota,
  // and whether exempt indicators are rescaled.
  await db.schema
    .createTable('assessment_settings')
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('target_level', 'text', (c) => c.notNull())
    .addColumn('pass_threshold', 'numeric')
    .addColumn('quota_count', 'integer', (c) => c.check(sql`quota_count >= 0`))
    .addColumn('quota_percent', 'numeric', (c) => c.check(sql`quota_percent between 0 and 100`))
    .addColumn('rescale_exempt', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('assessment_settings_pkey', ['office_id', 'target_level'])
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('campaign_id', 'uuid', (c) => c.primaryKey().references('campaigns.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('self_submitted_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('assessments_office_idx')
    .on('assessments')
    .columns(['office_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('assessment_assessors')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('assessments.campaign_id'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    // Empty: every category. Otherwise the assessor scores only these.
    .addColumn('category_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('assigned_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addPrimaryKeyConstraint('assessment_assessors_pkey', ['campaign_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('assessment_assessors_user_idx')
    .on('assessment_assessors')
    .columns(['user_id', 'campaign_id'])
    .execute();

  // One row per scorer and indicator; `scorer_id` null is the unit's self-score.
  await db.schema
    .createTable('assessment_scores')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('assessments.campaign_id'))
    .addColumn('indicator_id', 'uuid', (c) => c.notNull().references('framework_indicators.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('scorer_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('points', 'numeric', (c) => c.notNull().check(sql`points >= 0`))
    .addColumn('grade', 'text', (c) => c.check(sql`grade in ('A', 'B', 'C', 'D')`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('entered_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index assessment_scores_self_key on assessment_scores (campaign_id, indicator_id)
    where scorer_id is null`.execute(db);
  await sql`create unique index assessment_scores_assessor_key on assessment_scores (campaign_id, indicator_id, scorer_id)
    where scorer_id is not null`.execute(db);

  await db.schema
    .createTable('assessment_moderations')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('assessments.campaign_id'))
    .addColumn('indicator_id', 'uuid', (c) => c.notNull().references('framework_indicators.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('points', 'numeric', (c) => c.notNull().check(sql`points >= 0`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('moderated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('moderated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('assessment_moderations_pkey', ['campaign_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('assessment_exemptions')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('assessments.campaign_id'))
    .addColumn('indicator_id', 'uuid', (c) => c.notNull().references('framework_indicators.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('assessment_exemptions_pkey', ['campaign_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('assessment_vetoes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('assessments.campaign_id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('veto_code', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('consultation', 'inspection', 'complaint', 'self_report', 'other')`),
    )
    .addColumn('source_detail', 'text', (c) => c.notNull())
    .addColumn('evidence_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('confirmed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'timestamptz', (c) => c.notNull())
    // A veto confirmed in error is cleared with a reason, never deleted.
    .addColumn('cleared_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('cleared_at', 'timestamptz')
    .addColumn('cleared_reason', 'text')
    .execute();
  // Every tenant table is reachable by office first: scope filters start there.
  for (const table of [
    'assessment_assessors',
    'assessment_scores',
    'assessment_moderations',
    'assessment_exemptions',
    'assessment_vetoes',
  ]) {
    await db.schema
      .createIndex(`${table}_office_idx`)
      .on(table)
      .columns(['office_id', 'campaign_id'])
      .execute();
  }

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().unique().references('campaigns.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('conferral', 'renewal', 'rejection')`),
    )
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('term_start_year', 'integer')
    .addColumn('term_end_year', 'integer')
    .addColumn('decision_no', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('total', 'numeric')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('decisions_office_idx')
    .on('decisions')
    .columns(['office_id', 'unit_id'])
    .execute();
  await sql`create trigger decisions_append_only before update or delete on decisions
    for each row execute function refuse_change_append_only()`.execute(db);

  // A yellow card carries its rectification deadline; a decision names its campaign.
  await db.schema.alterTable('status_records').addColumn('deadline', 'date').execute();
  await db.schema
    .alterTable('status_records')
    .addColumn('campaign_id', 'uuid', (c) => c.references('campaigns.id'))
    .execute();
  // Steps recorded in one instant still have an order: the latest entry is the standing.
  await db.schema.alterTable('status_records').addColumn('seq', 'bigserial').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('status_records').dropColumn('seq').execute();
  await db.schema.alterTable('status_records').dropColumn('campaign_id').execute();
  await db.schema.alterTable('status_records').dropColumn('deadline').execute();
  for (const table of [
    'decisions',
    'assessment_vetoes',
    'assessment_exemptions',
    'assessment_moderations',
    'assessment_scores',
    'assessment_assessors',
    'assessments',
    'assessment_settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
