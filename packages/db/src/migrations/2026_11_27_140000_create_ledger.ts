import { type Kysely, sql } from 'kysely';

const KINDS = [
  'organization',
  'plan',
  'campaign_document',
  'meeting_minutes',
  'activity_record',
  'rules',
  'inspection_record',
  'summary',
  'evaluation_record',
  'application_form',
  'approval_form',
  'survey_form',
  'opinion_form',
  'public_feedback',
  'activity',
  'other',
]
  .map((k) => `'${k}'`)
  .join(', ');

export async function up(db: Kysely<any>): Promise<void> {
  // Files are content-addressed and shared: a file two units both upload is stored once.
  // Who may read one is decided by the evidence it is attached to.
  await db.schema
    .createTable('files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The current state of each item, for lists and filters; the truth is the event chain.
  await db.schema
    .createTable('evidence_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('campaign_id', 'uuid', (c) => c.references('campaigns.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${KINDS})`)))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('event_date', 'date', (c) => c.notNull())
    // The server's clock when the item was first filed; never editable.
    .addColumn('captured_at', 'timestamptz', (c) => c.notNull())
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('keeper', 'text')
    .addColumn('participants', 'integer')
    .addColumn('place', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('retracted_at', 'timestamptz')
    .addColumn('retract_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_items_unit_idx')
    .on('evidence_items')
    .columns(['office_id', 'unit_id', 'event_date', 'id'])
    .execute();
  await db.schema
    .createIndex('evidence_items_campaign_idx')
    .on('evidence_items')
    .columns(['campaign_id', 'kind'])
    .execute();

  await db.schema
    .createTable('evidence_indicators')
    .addColumn('evidence_id', 'uuid', (c) => c.notNull().references('evidence_items.id'))
    .addColumn('indicator_id', 'uuid', (c) => c.notNull().references('framework_indicators.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('explanation', 'text', (c) => c.notNull().defaultTo(''))
    // Which of the indicator's required materials (the framework's `evidence` list) this item is.
    .addColumn('materials', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addPrimaryKeyConstraint('evidence_indicators_pkey', ['evidence_id', 'indicator_id'])
    .execute();
  await db.schema
    .createIndex('evidence_indicators_office_idx')
    .on('evidence_indicators')
    .columns(['office_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('evidence_tasks')
    .addColumn('evidence_id', 'uuid', (c) => c.notNull().references('evidence_items.id'))
    .addColumn('task_id', 'uuid', (c) => c.notNull().references('tasks.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addPrimaryKeyConstraint('evidence_tasks_pkey', ['evidence_id', 'task_id'])
    .execute();
  await db.schema
    .createIndex('evidence_tasks_office_idx')
    .on('evidence_tasks')
    .columns(['office_id', 'task_id'])
    .execute();

  await db.schema
    .createTable('evidence_attachments')
    .addColumn('evidence_id', 'uuid', (c) => c.notNull().references('evidence_items.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('evidence_attachments_pkey', ['evidence_id', 'position'])
    .execute();
  await db.schema
    .createIndex('evidence_attachments_office_idx')
    .on('evidence_attachments')
    .columns(['office_id', 'sha256'])
    .execute();

  // The ledger's history: append-only, hash-chained per unit. `payload` is the exact text
  // that was hashed, so anyone can check a chain in plain SQL:
  //   hash = encode(sha256(convert_to(payload, 'UTF8')), 'hex'), and
  //   prev_hash = the hash of the unit's event with seq - 1.
  await db.schema
    .createTable('evidence_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('evidence_id', 'uuid', (c) => c.notNull().references('evidence_items.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('create', 'revise', 'retract')`))
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('evidence_events_unit_seq_key', ['unit_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('evidence_events_office_idx')
    .on('evidence_events')
    .columns(['office_id', 'unit_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('evidence_events_item_idx')
    .on('evidence_events')
    .columns(['evidence_id', 'seq'])
    .execute();
  await sql`create trigger evidence_events_append_only before update or delete on evidence_events
    for each row execute function refuse_change_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evidence_events').execute();
  await db.schema.dropTable('evidence_attachments').execute();
  await db.schema.dropTable('evidence_tasks').execute();
  await db.schema.dropTable('evidence_indicators').execute();
  await db.schema.dropTable('evidence_items').execute();
  await db.schema.dropTable('files').execute();
}
