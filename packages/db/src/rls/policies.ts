import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema';
import { TENANT_TABLES } from './tenant-tables';

/** The role requests take inside their transaction; it owns nothing, so policies bind it. */
export const APP_ROLE = 'wenming_app';

/**
 * Turns row-level security on for every tenant table, idempotently: the role, a helper
 * that reads the per-transaction settings, and one policy per table for that role. The
 * connecting owner/superuser bypasses RLS, so nothing changes for a connection that never
 * takes the role — which is what lets this ship before every request runs under it.
 *
 * A row is visible (and writable) to the role when
 *   its office is one the caller manages (`app.office_ids`: an office's whole subtree), or
 *   its unit is the caller's (`app.unit_id`: one or more units, comma-separated), or
 *   the table is shared, the row belongs to no unit, and its office is above the caller
 *   (`app.reader_office_ids`).
 */
export async function applyTenantPolicies(db: Kysely<DB>): Promise<void> {
  // Roles are per cluster: another schema or test may create it at the same moment.
  await sql`do $$ begin
      if not exists (select 1 from pg_roles where rolname = ${sql.lit(APP_ROLE)}) then
        create role ${sql.id(APP_ROLE)} nologin;
      end if;
    exception when unique_violation or duplicate_object then null;
    end $$`.execute(db);
  await sql`create or replace function app_setting_ids(name text) returns uuid[]
    language sql stable as $$
      select coalesce(string_to_array(nullif(current_setting(name, true), ''), ',')::uuid[], '{}')
    $$`.execute(db);
  const schema = sql.raw('current_schema()');
  await sql`do $$ begin
      execute format('grant usage on schema %I to ${sql.raw(APP_ROLE)}', ${schema});
      execute format('grant select, insert, update, delete on all tables in schema %I to ${sql.raw(APP_ROLE)}', ${schema});
      execute format('grant usage, select on all sequences in schema %I to ${sql.raw(APP_ROLE)}', ${schema});
      execute format('grant execute on all functions in schema %I to ${sql.raw(APP_ROLE)}', ${schema});
    end $$`.execute(db);

  for (const [table, config] of Object.entries(TENANT_TABLES)) {
    const unit = config.unit ? sql.ref(config.unit) : null;
    const visible = sql.join(
      [
        sql`office_id = any(app_setting_ids('app.office_ids'))`,
        ...(unit ? [sql`${unit} = any(app_setting_ids('app.unit_id'))`] : []),
        ...(config.shared
          ? [
              sql`(${unit && config.unit !== 'id' ? sql`${unit} is null and ` : sql``}office_id = any(app_setting_ids('app.reader_office_ids')))`,
            ]
          : []),
      ],
      sql` or `,
    );
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`drop policy if exists tenant_isolation on ${sql.table(table)}`.execute(db);
    await sql`create policy tenant_isolation on ${sql.table(table)} to ${sql.id(APP_ROLE)}
      using (${visible}) with check (${visible})`.execute(db);
  }
}
