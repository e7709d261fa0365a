import { type Kysely, sql } from 'kysely';

// Bulletins (通报) with read receipts, public notices (公示) with objections, periodic work
// reports (工作报告) and leading-group meetings (例会).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('praise', 'criticism', 'rectification')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('inspection_id', 'uuid', (c) => c.references('inspections.id'))
    .addColumn('finding_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('published_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bulletins_office_idx')
    .on('bulletins')
    .columns(['office_id', 'published_at'])
    .execute();

  // One row per addressed unit; `office_id` is the unit's office, so a unit's receipts are
  // filtered like every other unit record. Receipts are written once, never cleared.
  await db.schema
    .createTable('bulletin_recipients')
    .addColumn('bulletin_id', 'uuid', (c) => c.notNull().references('bulletins.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('read_at', 'timestamptz')
    .addColumn('read_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'uuid', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('bulletin_recipients_pkey', ['bulletin_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('bulletin_recipients_office_idx')
    .on('bulletin_recipients')
    .columns(['office_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('notices')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('conferral', 'renewal', 'other')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('published_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('notices_window_check', sql`ends_on >= starts_on`)
    .execute();
  await db.schema
    .createIndex('notices_office_idx')
    .on('notices')
    .columns(['office_id', 'starts_on'])
    .execute();

  await db.schema
    .createTable('notice_subjects')
    .addColumn('notice_id', 'uuid', (c) => c.notNull().references('notices.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('campaign_id', 'uuid', (c) => c.references('campaigns.id'))
    .addPrimaryKeyConstraint('notice_subjects_pkey', ['notice_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('notice_subjects_office_idx')
    .on('notice_subjects')
    .columns(['office_id', 'unit_id'])
    .execute();
  // The assessment reads "the latest notice about this campaign".
  await db.schema
    .createIndex('notice_subjects_campaign_idx')
    .on('notice_subjects')
    .column('campaign_id')
    .execute();

  await db.schema
    .createTable('objections')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('notice_id', 'uuid', (c) => c.notNull().references('notices.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.references('units.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'upheld', 'dismissed')`),
    )
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('filed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('objections_office_idx')
    .on('objections')
    .columns(['office_id', 'notice_id'])
    .execute();

  await db.schema
    .createTable('report_schedules')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) =>
      c.notNull().check(sql`period in ('monthly', 'quarterly', 'half_yearly', 'yearly')`),
    )
    .addColumn('due_day', 'integer', (c) => c.notNull().check(sql`due_day between 1 and 28`))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_schedules_office_idx')
    .on('report_schedules')
    .column('office_id')
    .execute();

  // The units a schedule asks, fixed when it is set (`office_id`: the unit's office).
  await db.schema
    .createTable('report_schedule_units')
    .addColumn('schedule_id', 'uuid', (c) => c.notNull().references('report_schedules.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('report_schedule_units_pkey', ['schedule_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('report_schedule_units_office_idx')
    .on('report_schedule_units')
    .columns(['office_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('schedule_id', 'uuid', (c) => c.notNull().references('report_schedules.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('period_key', 'date', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('evidence_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('ledger_evidence_id', 'uuid', (c) => c.references('evidence_items.id'))
    .addColumn('filed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('filed_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('reports_period_key', ['schedule_id', 'unit_id', 'period_key'])
    .execute();
  await db.schema.createIndex('reports_office_idx').on('reports').columns(['office_id', 'unit_id']).execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('campaign_id', 'uuid', (c) => c.references('campaigns.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('attendees', sql`text[]`, (c) => c.notNull())
    .addColumn('absentees', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('ledger_evidence_id', 'uuid', (c) => c.references('evidence_items.id'))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meetings_office_idx')
    .on('meetings')
    .columns(['office_id', 'unit_id', 'held_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'meetings',
    'reports',
    'report_schedule_units',
    'report_schedules',
    'objections',
    'notice_subjects',
    'notices',
    'bulletin_recipients',
    'bulletins',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
