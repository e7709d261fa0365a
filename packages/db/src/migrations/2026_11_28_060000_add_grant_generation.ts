import { type Kysely, sql } from 'kysely';

/**
 * A counter that moves whenever anything a signed-in user's grants are made of changes: role
 * assignments, the office tree (an office role covers the subtree), and the user rows. The
 * server keeps recent sessions in memory with the counter they were read at; each request's
 * first statement, the one that enters the tenant scope, checks the session is still live and
 * the counter unchanged, so a revoked session or a changed role takes effect at once on every
 * instance. One row, bumped in the writer's own transaction: it turns visible together with
 * the change it stands for.
 */
const TABLES = {
  role_assignments: 'insert or update or delete',
  offices: 'insert or delete or update of parent_id',
  users: 'update of active, username, display_name',
} as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table grant_generation (generation bigint not null)`.execute(db);
  await sql`insert into grant_generation values (1)`.execute(db);
  await sql`create function bump_grant_generation() returns trigger language plpgsql as $$
    begin
      update grant_generation set generation = generation + 1;
      return null;
    end $$`.execute(db);
  for (const [table, events] of Object.entries(TABLES)) {
    await sql`create trigger ${sql.id(`${table}_grant_generation`)} after ${sql.raw(events)} on ${sql.id(table)}
      for each statement execute function bump_grant_generation()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_grant_generation_truncate`)} after truncate on ${sql.id(table)}
      for each statement execute function bump_grant_generation()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(TABLES)) {
    await sql`drop trigger ${sql.id(`${table}_grant_generation`)} on ${sql.id(table)}`.execute(db);
    await sql`drop trigger ${sql.id(`${table}_grant_generation_truncate`)} on ${sql.id(table)}`.execute(db);
  }
  await sql`drop function bump_grant_generation()`.execute(db);
  await sql`drop table grant_generation`.execute(db);
}
