import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // History is never erased: conferrals, renewals, suspensions and revocations stay on the
  // record with their decision document numbers. A trigger refuses UPDATE and DELETE.
  await sql`
    create or replace function refuse_change_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'table % is append-only', tg_table_name using errcode = '55000';
    end $$`.execute(db);

  await db.schema
    .createTable('status_records')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('action', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`action in ('initial', 'conferral', 'renewal', 'retain', 'yellow_card', 'restore', 'suspension', 'revocation', 'lapse')`,
        ),
    )
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('none', 'county', 'city', 'city_model', 'provincial', 'national')`),
    )
    .addColumn('term_start_year', 'integer')
    .addColumn('term_end_year', 'integer')
    .addColumn('decision_no', 'text')
    .addColumn('decided_on', 'date')
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('status_records_unit_idx')
    .on('status_records')
    .columns(['office_id', 'unit_id', 'recorded_at'])
    .execute();
  await sql`create trigger status_records_append_only before update or delete on status_records
    for each row execute function refuse_change_append_only()`.execute(db);

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('office_id', 'uuid', (c) => c.references('offices.id'))
    .addColumn('unit_id', 'uuid', (c) => c.references('units.id'))
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audit_log_office_idx').on('audit_log').columns(['office_id', 'at']).execute();
  await db.schema
    .createIndex('audit_log_entity_idx')
    .on('audit_log')
    .columns(['entity', 'entity_id'])
    .execute();
  await sql`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function refuse_change_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('status_records').execute();
  await sql`drop function refuse_change_append_only()`.execute(db);
}
