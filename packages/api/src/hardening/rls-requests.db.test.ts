import { createMongoAbility } from '@casl/ability';
import type { AppAbility } from '@wenming/authz';
import type { Database } from '@wenming/db';
import { createTestDatabase } from '@wenming/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGrants } from '../auth/repository';
import type { SessionUser } from '../context';
import { createSystemContext } from '../create-context';
import { appRouter } from '../router';
import { contextFor } from '../testing/caller';
import { createFixture, type Fixture, type FixtureUser } from '../testing/index';
import { createCallerFactory } from '../trpc';

/**
 * Defence in depth, through the real procedures: the application's own filters are switched
 * off (an ability that allows everything, so `accessibleWhere` adds no condition), and the
 * caller's rows are still all they get — row-level security, entered by every signed-in
 * request, holds on its own.
 */
let database: Database;
let f: Fixture;
beforeAll(async () => {
  database = await createTestDatabase();
  f = await createFixture(database.db);
});
afterAll(async () => {
  await database?.close();
});

const createCaller = createCallerFactory(appRouter);
const allowEverything = () => createMongoAbility([{ action: 'manage', subject: 'all' }]) as AppAbility;

/** `who` as the API resolves them, but with the application's filters removed. */
async function unfiltered(who: FixtureUser | 'operator') {
  if (who === 'operator')
    return createCaller(createSystemContext({ db: database.db, engine: database.engine }));
  const user: SessionUser = {
    id: f.users[who],
    username: who,
    displayName: who,
    sessionId: 'test',
    grants: await loadGrants(database.db, f.users[who]),
  };
  return createCaller({ ...contextFor(database.db, user), ability: allowEverything() });
}

const unitsOf = (items: { unitId: string }[]) => [...new Set(items.map((i) => i.unitId))].sort();

describe('row-level security under the real procedures, application filters removed', () => {
  it("gives a unit's staff only their unit's units, campaigns, tasks and evidence", async () => {
    const api = await unfiltered('unit1Admin');
    expect((await api.unit.list({})).items.map((u) => u.id)).toEqual([f.units.U1]);
    expect(unitsOf((await api.campaign.list({})).items)).toEqual([f.units.U1]);
    expect(unitsOf((await api.task.list({})).items)).toEqual([f.units.U1]);
    expect(unitsOf((await api.evidence.list({})).items)).toEqual([f.units.U1]);
    await expect(api.task.get({ id: f.tasks.U4A })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("gives a district office its own units only, never a sibling city's", async () => {
    const api = await unfiltered('district1Admin');
    expect((await api.unit.list({})).items.map((u) => u.id).sort()).toEqual([f.units.U1, f.units.U2].sort());
    expect(unitsOf((await api.task.list({})).items)).toEqual([f.units.U1]);
  });

  it('refuses a write to another unit’s record, leaving it untouched', async () => {
    const api = await unfiltered('unit1Admin');
    const before = await sql<{ note: string; version: number }>`
      select progress_note as note, version from tasks where id = ${f.tasks.U4A}`.execute(database.db);
    await expect(
      api.task.update({ id: f.tasks.U4A, version: before.rows[0]!.version, progressNote: 'hijacked' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const after = await sql<{ note: string; version: number }>`
      select progress_note as note, version from tasks where id = ${f.tasks.U4A}`.execute(database.db);
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it('is what holds: the same unfiltered calls as the operator, who is not scoped, see every unit', async () => {
    const api = await unfiltered('operator');
    expect(unitsOf((await api.task.list({})).items)).toEqual(
      expect.arrayContaining([f.units.U1, f.units.U4]),
    );
    expect((await api.unit.list({ limit: 100 })).items.map((u) => u.id)).toEqual(
      expect.arrayContaining([f.units.U1, f.units.U2, f.units.U3, f.units.U4]),
    );
  });

  it('leaves no scope or role behind on the connection once a request ends', async () => {
    const api = await unfiltered('unit1Admin');
    await api.unit.list({});
    const after = await sql<{ role: string; offices: string | null }>`
      select current_user as role, current_setting('app.unit_id', true) as offices`.execute(database.db);
    expect(after.rows[0]!.role).not.toBe('wenming_app');
    expect(after.rows[0]!.offices ?? '').toBe('');
  });
});
