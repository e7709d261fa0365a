import { fixedClock } from '@wenming/core';
import { createTestDatabase, useTestDb } from '@wenming/db/testing';
import { expect, it } from 'vitest';
import { callerAs, createFixture, type Fixture } from '../testing/index';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});
const clock = fixedClock('2027-04-10T02:00:00Z');

it('reads the analytics figures from the read replica when there is one, and writes never go there', async () => {
  // An empty "replica": whatever the overview counts must come from it, not from the primary.
  const replica = await createTestDatabase();
  try {
    const onPrimary = await callerAs(t.db, f.users.cityAdmin, { clock });
    expect((await onPrimary.analytics.overview({})).units).toBeGreaterThan(0);
    const withReplica = await callerAs(t.db, f.users.cityAdmin, { clock, readDb: replica.db });
    expect((await withReplica.analytics.overview({})).units).toBe(0);
    // Other procedures keep using the primary.
    expect((await withReplica.unit.list({})).items.length).toBeGreaterThan(0);
  } finally {
    await replica.close();
  }
});
