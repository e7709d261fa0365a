import { type Kysely, sql, type Transaction } from 'kysely';
import { APP_ROLE } from './policies';

/** Whose rows a transaction may touch, as the API would derive it from the caller's grants. */
export interface TenantScope {
  /** Offices the caller manages, each with its whole subtree already expanded. */
  officeIds: string[];
  /** Units the caller belongs to. */
  unitIds: string[];
  /** Offices above the caller, whose shared rows it reads (publications, bulletins). */
  readerOfficeIds: string[];
}

/** The part of a resolved grant the scope needs (see `Grant` in the authz package). */
export interface ScopeGrant {
  /** Office roles: the office and its whole subtree. Unit roles: the unit's office. */
  officeIds: string[];
  unitId: string | null;
}

/**
 * The scope of a signed-in user from their grants: office roles manage their subtrees,
 * unit roles their units, and both read what the offices above them share.
 */
export async function tenantScopeFor<D>(db: Kysely<D>, grants: ScopeGrant[]): Promise<TenantScope> {
  const officeIds = [...new Set(grants.filter((g) => g.unitId === null).flatMap((g) => g.officeIds))];
  const unitIds = [...new Set(grants.flatMap((g) => (g.unitId ? [g.unitId] : [])))];
  const own = [...new Set(grants.flatMap((g) => g.officeIds))];
  if (own.length === 0) return { officeIds, unitIds, readerOfficeIds: [] };
  const above = await sql<{ id: string }>`
    with recursive chain(id, parent_id) as (
      select id, parent_id from offices where id = any(${own}::uuid[])
      union
      select o.id, o.parent_id from offices o join chain c on o.id = c.parent_id
    )
    select id from chain`.execute(db);
  return { officeIds, unitIds, readerOfficeIds: above.rows.map((r) => r.id) };
}

/**
 * Runs `fn` in a transaction that has given up the owner's rights: it takes the app role
 * and the caller's scope for this transaction only (`set local`), so a pooled connection
 * carries nothing over to the next request.
 */
export async function withTenantScope<D, T>(
  db: Kysely<D>,
  scope: TenantScope,
  fn: (trx: Transaction<D>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.office_ids', ${scope.officeIds.join(',')}, true),
      set_config('app.unit_id', ${scope.unitIds.join(',')}, true),
      set_config('app.reader_office_ids', ${scope.readerOfficeIds.join(',')}, true)`.execute(trx);
    await sql`set local role ${sql.id(APP_ROLE)}`.execute(trx);
    return fn(trx);
  });
}

/**
 * A session the server remembered instead of reading it again: the scope statement confirms
 * it is still live and that no grant has changed since (`grant_generation`, migration
 * 2026_11_28_060000).
 */
export interface SessionCheck {
  sessionId: string;
  generation: string;
  now: Date;
}

/**
 * Puts the open transaction under a signed-in caller's scope in one round trip: the
 * settings the policies read, the offices above the caller (looked up in the same
 * statement), and the app role. `set_config(…, true)` is `set local`: it ends with the
 * transaction, so a pooled connection carries nothing over to the next request. With a
 * `check`, the same statement answers whether the remembered session still holds; false
 * means the caller must read it again before anything else runs.
 */
export async function enterTenantScope<D>(
  trx: Transaction<D>,
  grants: ScopeGrant[],
  check?: SessionCheck,
): Promise<boolean> {
  const officeIds = [...new Set(grants.filter((g) => g.unitId === null).flatMap((g) => g.officeIds))];
  const unitIds = [...new Set(grants.flatMap((g) => (g.unitId ? [g.unitId] : [])))];
  const own = [...new Set(grants.flatMap((g) => g.officeIds))];
  const current = check
    ? sql`exists (select 1 from sessions where id = ${check.sessionId} and expires_at > ${check.now})
        and (select generation from grant_generation) = ${check.generation}::bigint`
    : sql`true`;
  const { rows } = await sql<{ current: boolean }>`select ${current} as current,
      set_config('app.office_ids', ${officeIds.join(',')}, true),
      set_config('app.unit_id', ${unitIds.join(',')}, true),
      set_config('app.reader_office_ids', coalesce((
        with recursive chain(id, parent_id) as (
          select id, parent_id from offices where id = any(${own}::uuid[])
          union
          select o.id, o.parent_id from offices o join chain c on o.id = c.parent_id
        )
        select string_agg(id::text, ',') from chain), ''), true),
      set_config('role', ${APP_ROLE}, true)`.execute(trx);
  return rows[0]!.current;
}

/**
 * Gives the owner's rights back inside a transaction that goes on afterwards (a test's
 * outer transaction, where the scope was entered under a savepoint that was released).
 */
export async function leaveTenantScope<D>(trx: Transaction<D>): Promise<void> {
  await sql`select set_config('role', 'none', true), set_config('app.office_ids', '', true),
      set_config('app.unit_id', '', true), set_config('app.reader_office_ids', '', true)`.execute(trx);
}
