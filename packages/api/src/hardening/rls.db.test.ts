import type { Database } from '@wenming/db';
import {
  applyTenantPolicies,
  NOT_TENANT_TABLES,
  TENANT_TABLES,
  type TenantScope,
  tenantScopeFor,
  withTenantScope,
} from '@wenming/db/rls';
import { createTestDatabase } from '@wenming/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGrants } from '../auth/repository';
import { createFixture, type Fixture, type FixtureUser } from '../testing/index';

/**
 * Row-level security as a second line behind the application's filters: bare SELECTs
 * with no WHERE at all, run under a caller's scope, still return only that caller's rows.
 */
let database: Database;
let f: Fixture;
beforeAll(async () => {
  database = await createTestDatabase();
  f = await createFixture(database.db);
  await applyTenantPolicies(database.db);
});
afterAll(async () => {
  await database?.close();
});

interface Row {
  office_id: string;
  unit: string | null;
}

/** The scope the API would set for this user, from their grants as a session resolves them. */
const scopeOf = async (user: FixtureUser) =>
  tenantScopeFor(database.db, await loadGrants(database.db, f.users[user]));

/** Every row of a table the scope lets through, fetched without any application filter. */
async function bareSelect(table: string, scope: TenantScope): Promise<Row[]> {
  const unit = TENANT_TABLES[table]!.unit;
  return withTenantScope(database.db, scope, async (trx) => {
    const result = await sql<Row>`select office_id, ${unit ? sql.ref(unit) : sql`null`} as unit
      from ${sql.table(table)}`.execute(trx);
    return result.rows;
  });
}

describe('row-level security', () => {
  it('covers every table that carries an office_id (a new table without a line fails here)', async () => {
    const withOffice = await sql<{ name: string; rls: boolean; policies: number }>`
      select c.relname as name, c.relrowsecurity as rls,
        (select count(*)::int from pg_policies p where p.schemaname = current_schema() and p.tablename = c.relname) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r'
        and exists (select 1 from information_schema.columns k
          where k.table_schema = current_schema() and k.table_name = c.relname and k.column_name = 'office_id')
      order by 1`.execute(database.db);
    const unlisted = withOffice.rows.filter(
      (t) => !(t.name in TENANT_TABLES) && !(t.name in NOT_TENANT_TABLES),
    );
    expect(unlisted.map((t) => t.name)).toEqual([]);
    const unprotected = withOffice.rows.filter((t) => t.name in TENANT_TABLES && !(t.rls && t.policies > 0));
    expect(unprotected.map((t) => t.name)).toEqual([]);
    expect(
      Object.keys(TENANT_TABLES).filter((name) => !withOffice.rows.some((t) => t.name === name)),
    ).toEqual([]);
  });

  it("shows a unit's staff only their unit's rows and what offices above them share, in every tenant table", async () => {
    const scope = await scopeOf('unit1Member');
    expect(scope).toEqual({
      officeIds: [],
      unitIds: [f.units.U1],
      readerOfficeIds: expect.arrayContaining([f.offices.D1, f.offices.C, f.offices.P]),
    });
    const seen: Record<string, number> = {};
    for (const table of Object.keys(TENANT_TABLES)) {
      const rows = await bareSelect(table, scope);
      seen[table] = rows.length;
      for (const row of rows) {
        const shared = TENANT_TABLES[table]!.shared && row.unit === null;
        const { platform, readable } = TENANT_TABLES[table]!;
        // A notice's subjects follow the notice, which is shared from above.
        const published = (readable === 'staff' && row.unit === null) || typeof readable === 'object';
        const above = scope.readerOfficeIds.includes(row.office_id);
        expect(
          row.unit === f.units.U1 || ((shared || published) && above) || (platform && row.office_id === null),
          table,
        ).toBe(true);
      }
    }
    // Not vacuous: the unit's own records are there, and other units' exist but stay hidden.
    expect(seen).toMatchObject({ units: 1 });
    expect(seen.tasks).toBeGreaterThan(0);
    expect(seen.campaigns).toBe(1);
    const all = await sql<{ n: number }>`select count(*)::int as n from campaigns`.execute(database.db);
    expect(all.rows[0]!.n).toBeGreaterThan(1);
  });

  it("shows an office only its subtree's rows: a sibling city's unit stays invisible", async () => {
    const scope = await scopeOf('cityAdmin');
    expect(scope.officeIds.sort()).toEqual([f.offices.C, f.offices.D1, f.offices.D2].sort());
    expect(scope.unitIds).toEqual([]);
    const foreign = new Set([f.offices.C2]);
    let visible = 0;
    for (const table of Object.keys(TENANT_TABLES)) {
      for (const row of await bareSelect(table, scope)) {
        visible++;
        expect(foreign.has(row.office_id), table).toBe(false);
        expect(row.unit === f.units.U4, table).toBe(false);
      }
    }
    expect(visible).toBeGreaterThan(0);
    expect((await bareSelect('units', scope)).map((u) => u.unit).sort()).toEqual(
      [f.units.U1, f.units.U2, f.units.U3].sort(),
    );
  });

  it('shows nothing without a scope, and refuses writes outside it', async () => {
    const none = { officeIds: [], unitIds: [], readerOfficeIds: [] };
    for (const table of Object.keys(TENANT_TABLES)) expect(await bareSelect(table, none), table).toEqual([]);

    const unit1 = { officeIds: [], unitIds: [f.units.U1], readerOfficeIds: [f.offices.D1] };
    const changed = await withTenantScope(database.db, unit1, (trx) =>
      sql`update tasks set progress_note = 'hijacked' where id = ${f.tasks.U4A}`.execute(trx),
    );
    expect(Number(changed.numAffectedRows ?? 0)).toBe(0);
    await expect(
      withTenantScope(database.db, unit1, (trx) =>
        sql`update tasks set unit_id = ${f.units.U4}, office_id = ${f.offices.C2} where id = ${f.tasks.U1A}`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const task = await sql<{
      note: string;
    }>`select progress_note as note from tasks where id = ${f.tasks.U4A}`.execute(database.db);
    expect(task.rows[0]!.note).not.toBe('hijacked');
  });
});
