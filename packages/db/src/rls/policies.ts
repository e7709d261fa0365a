import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema';
import { TENANT_TABLES } from './tenant-tables';

/** The role requests take inside their transaction; it owns nothing, so policies bind it. */
export const APP_ROLE = 'wenming_app';

/**
 * A setting as a uuid array, wrapped in a sub-select so Postgres computes it once per statement
 * (an init plan) instead of parsing the text again for every row a scan reads: 32 ms of a 54 ms
 * read of 5,000 rollup rows went there.
 */
const setting = (name: string) => sql`(select app_setting_ids(${sql.lit(name)}))::uuid[]`;

/**
 * Turns row-level security on for every tenant table, idempotently: the role, a helper
 * that reads the per-transaction settings, and one policy per table for that role. Every
 * signed-in request takes the role inside its transaction; the connecting owner bypasses
 * RLS, which is what the migrator, the scheduler, sign-in and the public survey rely on.
 * Answers whether requests can take the role (false when the database user may neither
 * create it nor be granted it).
 *
 * A row is visible (and writable) to the role when
 *   its office is one the caller manages (`app.office_ids`: an office's whole subtree), or
 *   its unit is the caller's (`app.unit_id`: one or more units, comma-separated), or
 *   the table is shared, the row belongs to no unit, and its office is above the caller
 *   (`app.reader_office_ids`).
 *
 * `unlessCurrent`: skip the work when the policies recorded last time (a fingerprint of
 * their text, kept as the comment of `app_setting_ids`) are these — for a start that ran
 * no migration, where nothing can have changed them. About 300 statements otherwise.
 */
export async function applyTenantPolicies(
  db: Kysely<DB>,
  options: { unlessCurrent?: boolean } = {},
): Promise<boolean> {
  const statements = policyStatements(db);
  const fingerprint = createHash('sha256').update(statements.join(';\n')).digest('hex');
  if (options.unlessCurrent && (await recordedFingerprint(db)) === fingerprint && (await canTakeAppRole(db)))
    return true;
  // Roles are per cluster: another schema or test may create it at the same moment. A
  // database user without CREATEROLE cannot make it: the operator creates it once (see
  // SECURITY.md) and everything else here still applies.
  await sql`do $$ begin
      if not exists (select 1 from pg_roles where rolname = ${sql.lit(APP_ROLE)}) then
        create role ${sql.id(APP_ROLE)} nologin;
      end if;
      if not pg_has_role(current_user, ${sql.lit(APP_ROLE)}, 'member') then
        execute format('grant %I to %I', ${sql.lit(APP_ROLE)}, current_user);
      end if;
    exception when unique_violation or duplicate_object or insufficient_privilege then null;
    end $$`.execute(db);
  if (!(await canTakeAppRole(db))) return false;
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

  // One anonymous block: a round trip per statement cost more than the statements themselves.
  await sql.raw(`do $policies$ begin ${statements.join(';\n')}; end $policies$`).execute(db);
  await sql
    .raw(`comment on function app_setting_ids(text) is ${sql.lit(fingerprint).compile(db).sql}`)
    .execute(db);
  return true;
}

/** Whether this connection's user may take the app role (the server refuses to run without). */
export async function canTakeAppRole<D>(db: Kysely<D>): Promise<boolean> {
  const usable = await sql<{ ok: boolean }>`select exists (select 1 from pg_roles where rolname = ${APP_ROLE})
      and pg_has_role(current_user, ${APP_ROLE}, 'member') as ok`.execute(db);
  return usable.rows[0]?.ok === true;
}

/** Each tenant table's policies, as SQL text (every value in them is a literal). */
function policyStatements(db: Kysely<DB>): string[] {
  return Object.entries(TENANT_TABLES).flatMap(([table, config]) => {
    const unit = config.unit ? sql.ref(config.unit) : null;
    const visible = sql.join(
      [
        sql`office_id = any(${setting('app.office_ids')})`,
        ...(unit ? [sql`${unit} = any(${setting('app.unit_id')})`] : []),
        ...(config.shared
          ? [
              sql`(${unit && config.unit !== 'id' ? sql`${unit} is null and ` : sql``}office_id = any(${setting('app.reader_office_ids')}))`,
            ]
          : []),
        ...(config.platform ? [sql`office_id is null`] : []),
      ],
      sql` or `,
    );
    const readable = config.readable;
    return [
      sql`alter table ${sql.table(table)} enable row level security`,
      sql`drop policy if exists tenant_isolation on ${sql.table(table)}`,
      sql`create policy tenant_isolation on ${sql.table(table)} to ${sql.id(APP_ROLE)}
        using (${visible}) with check (${visible})`,
      sql`drop policy if exists tenant_reading on ${sql.table(table)}`,
      ...(readable
        ? [
            sql`create policy tenant_reading on ${sql.table(table)} for select to ${sql.id(APP_ROLE)} using (${
              readable === 'staff'
                ? sql`${sql.ref(config.unit ?? 'unit_id')} is null and office_id = any(${setting('app.reader_office_ids')})`
                : // The parent's own policies decide: the sub-select runs under them.
                  sql`exists (select 1 from ${sql.table(readable.via)} p where p.id = ${sql.ref(`${table}.${readable.key}`)})`
            })`,
          ]
        : []),
    ].map((statement) => {
      const compiled = statement.compile(db);
      if (compiled.parameters.length) throw new Error(`a policy of ${table} has a parameter`);
      return compiled.sql;
    });
  });
}

async function recordedFingerprint(db: Kysely<DB>): Promise<string | null> {
  const { rows } = await sql<{ fingerprint: string | null }>`
    select obj_description(to_regprocedure('app_setting_ids(text)'), 'pg_proc') as fingerprint`.execute(db);
  return rows[0]?.fingerprint ?? null;
}
