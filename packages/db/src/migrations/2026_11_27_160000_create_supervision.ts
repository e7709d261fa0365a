import { type Kysely, sql } from 'kysely';

// Inspections (督查 / 暗访 / 复查), their on-site results and findings, and the
// rectification (整改) loop that follows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inspections')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('routine', 'special', 'unannounced', 're_examination')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('planned').check(sql`status in ('planned', 'in_progress', 'completed')`),
    )
    .addColumn('checklist', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('inspections_office_idx')
    .on('inspections')
    .columns(['office_id', 'planned_on'])
    .execute();

  // One row per inspected unit. `visible_to_unit` is false for an unannounced inspection
  // until it is completed: the unit must not learn of it from any list, count or export.
  await db.schema
    .createTable('inspection_targets')
    .addColumn('inspection_id', 'uuid', (c) => c.notNull().references('inspections.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('visible_to_unit', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_targets_pkey', ['inspection_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('inspection_targets_office_idx')
    .on('inspection_targets')
    .columns(['office_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('inspection_inspectors')
    .addColumn('inspection_id', 'uuid', (c) => c.notNull().references('inspections.id'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addPrimaryKeyConstraint('inspection_inspectors_pkey', ['inspection_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('inspection_inspectors_office_idx')
    .on('inspection_inspectors')
    .columns(['office_id', 'user_id'])
    .execute();

  // Saved item by item as the inspector goes: a lost connection loses nothing typed.
  await db.schema
    .createTable('inspection_results')
    .addColumn('inspection_id', 'uuid', (c) => c.notNull().references('inspections.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('result', 'text', (c) =>
      c.notNull().check(sql`result in ('meets', 'partly', 'fails', 'not_applicable')`),
    )
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('points', 'numeric')
    .addColumn('photos', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_results_pkey', ['inspection_id', 'unit_id', 'item_key'])
    .execute();
  await db.schema
    .createIndex('inspection_results_office_idx')
    .on('inspection_results')
    .columns(['office_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('findings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('inspection_id', 'uuid', (c) => c.notNull().references('inspections.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('item_key', 'text')
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('minor', 'major', 'critical')`))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('findings_office_idx')
    .on('findings')
    .columns(['office_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('rectifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('finding_id', 'uuid', (c) => c.references('findings.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'answered', 'closed')`),
    )
    .addColumn('plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('issued_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('rectifications_office_idx')
    .on('rectifications')
    .columns(['office_id', 'unit_id', 'status'])
    .execute();

  await db.schema
    .createTable('rectification_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('rectification_id', 'uuid', (c) => c.notNull().references('rectifications.id'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('action', 'text', (c) =>
      c.notNull().check(sql`action in ('issued', 'answered', 'returned', 'closed')`),
    )
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('comment', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rectification_events_office_idx')
    .on('rectification_events')
    .columns(['office_id', 'rectification_id'])
    .execute();
  await sql`create trigger rectification_events_append_only before update or delete on rectification_events
    for each row execute function refuse_change_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'rectification_events',
    'rectifications',
    'findings',
    'inspection_results',
    'inspection_inspectors',
    'inspection_targets',
    'inspections',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
