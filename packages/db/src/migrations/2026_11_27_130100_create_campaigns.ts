import { type Kysely, sql } from 'kysely';

const PHASES = `'draft', 'mobilization', 'implementation', 'consolidation', 'submitted', 'under_assessment', 'decided', 'withdrawn'`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('renewal', 'upgrade')`))
    .addColumn('from_level', 'text', (c) => c.notNull())
    .addColumn('target_level', 'text', (c) => c.notNull())
    .addColumn('term_start_year', 'integer', (c) => c.notNull())
    .addColumn('term_end_year', 'integer', (c) => c.notNull())
    .addColumn('framework_id', 'uuid', (c) => c.notNull().references('frameworks.id'))
    .addColumn('phase', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql.raw(`phase in (${PHASES})`)),
    )
    .addColumn('phase_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('implementation_plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('campaigns_term_order', sql`term_start_year <= term_end_year`)
    .execute();
  await db.schema
    .createIndex('campaigns_office_idx')
    .on('campaigns')
    .columns(['office_id', 'phase'])
    .execute();
  await db.schema
    .createIndex('campaigns_unit_idx')
    .on('campaigns')
    .columns(['unit_id', 'created_at'])
    .execute();
  // One open campaign per unit, whatever the application does.
  await sql`create unique index campaigns_one_open_idx on campaigns (unit_id)
    where phase not in ('decided', 'withdrawn')`.execute(db);

  await db.schema
    .createTable('campaign_transitions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id'))
    .addColumn('from_phase', 'text')
    .addColumn('to_phase', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('comment', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Steps taken within one clock tick still keep their order.
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_transitions_campaign_idx')
    .on('campaign_transitions')
    .columns(['office_id', 'campaign_id', 'at'])
    .execute();
  await sql`create trigger campaign_transitions_append_only before update or delete on campaign_transitions
    for each row execute function refuse_change_append_only()`.execute(db);

  // Leading group (领导小组): a change closes the old row and opens a new one, so the
  // group's whole history stays readable.
  await db.schema
    .createTable('leading_group_members')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('leader', 'deputy', 'member', 'contact')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('phone', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('valid_to', 'timestamptz')
    .addColumn('changed_by', 'uuid', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('leading_group_members_campaign_idx')
    .on('leading_group_members')
    .columns(['office_id', 'campaign_id', 'valid_to'])
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible_leader', 'text')
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('deadline', 'date')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('todo').check(sql`status in ('todo', 'in_progress', 'done')`),
    )
    .addColumn('required', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('progress_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('completed_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('tasks_office_idx').on('tasks').columns(['office_id', 'campaign_id']).execute();
  await db.schema
    .createIndex('tasks_campaign_idx')
    .on('tasks')
    .columns(['campaign_id', 'status', 'deadline'])
    .execute();
  await db.schema
    .createIndex('tasks_department_idx')
    .on('tasks')
    .columns(['unit_id', 'department_id'])
    .execute();

  await db.schema
    .createTable('task_indicators')
    .addColumn('task_id', 'uuid', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('indicator_id', 'uuid', (c) => c.notNull().references('framework_indicators.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('task_indicators_pkey', ['task_id', 'indicator_id'])
    .execute();
  await db.schema
    .createIndex('task_indicators_office_idx')
    .on('task_indicators')
    .columns(['office_id', 'indicator_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_indicators').execute();
  await db.schema.dropTable('tasks').execute();
  await db.schema.dropTable('leading_group_members').execute();
  await db.schema.dropTable('campaign_transitions').execute();
  await db.schema.dropTable('campaigns').execute();
}
