import { useTestDb } from '@wenming/db/testing';
import { expect, it } from 'vitest';
import { createFixture, type Fixture } from '../testing/index';
import { createRenewalReminders } from './renewal-reminders';

let f: Fixture;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
});

it('reminds a unit once per term when its title ends within a year and no renewal is open', async () => {
  const title = { status_level: 'city' as const, term_start_year: 2025, term_end_year: 2027 };
  // U1 already campaigns (its draft counts as the renewal); U2 does not; U3's term ends later.
  await t.db.updateTable('units').set(title).where('id', 'in', [f.units.U1, f.units.U2]).execute();
  await t.db
    .updateTable('units')
    .set({ ...title, term_end_year: 2030 })
    .where('id', '=', f.units.U3)
    .execute();
  await t.db
    .updateTable('campaigns')
    .set({ term_start_year: 2028 })
    .where('id', '=', f.campaigns.U1)
    .execute();
  const now = new Date('2027-03-01T02:00:00Z');
  expect(await createRenewalReminders(t.db, now)).toBeGreaterThan(0);
  expect(await createRenewalReminders(t.db, now)).toBe(0);
  // One key only: U2's term, whoever of its campaign office and its office was told.
  const units = await t.db
    .selectFrom('notifications')
    .select('dedupe_key')
    .distinct()
    .where('kind', '=', 'term_ending')
    .execute();
  expect(units.map((u) => u.dedupe_key)).toEqual([`term:${f.units.U2}:2027`]);
});
