import { fixedClock } from '@wenming/core';
import { useTestDb } from '@wenming/db/testing';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { callerAs, createFixture, type FiledItem, type Fixture, fileItem } from '../testing/index';
import { readinessHistory } from './readiness-history';
import { snapshotReadiness } from './readiness-snapshots';

let f: Fixture;
let indicators: Record<string, string>;
const t = useTestDb(async (db) => {
  f = await createFixture(db);
  const rows = await db.selectFrom('framework_indicators').select(['id', 'code']).execute();
  indicators = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
// 1 March in China: November to February have closed.
const clock = fixedClock('2027-03-01T02:00:00Z');
const file = (indicator: string, item: FiledItem) => fileItem(t.db, f, indicators[indicator]!, item);

/** U1's readiness at the end of January (in China) as the links say now. */
async function januaryFromLinks() {
  const { rows } = await readinessHistory(
    sql`select 'jan' as key, id, framework_id, '2027-01-31T16:00:00Z'::timestamptz as as_of
      from campaigns where id = ${f.campaigns.U1}`,
    sql`select id from units`,
  ).execute(t.db);
  return Number(rows[0]!.readiness);
}

it("keeps each closed month's readiness as it stood then, and the trend reads it back", async () => {
  await sql`update campaigns set created_at = '2026-11-01T00:00:00Z'`.execute(t.db);
  // A1 asks for 领导小组文件 and 会议纪要.
  const minutes = await file('A1', { title: '会议纪要', capturedAt: '2027-01-06T02:00:00Z' });
  await file('A2', {
    title: '创建规划',
    capturedAt: '2027-01-10T02:00:00Z',
    retractedAt: '2027-02-15T02:00:00Z',
  });
  const analyst = await callerAs(t.db, f.users.cityAnalyst, { clock });
  const trend = async () =>
    (await analyst.analytics.trend({ interval: 'month', from: '2026-12-01' })).points.map((p) => [
      p.period,
      p.campaigns,
      p.readiness?.toFixed(9) ?? null,
    ]);
  // Nothing kept yet: every month is read from the links.
  const live = await trend();
  // The city's analyst sees one campaign, U1's.
  expect(live.map((p) => p.slice(0, 2))).toEqual(
    ['2026-12', '2027-01', '2027-02', '2027-03'].map((period) => [period, 1]),
  );
  expect(live[1]![2]).toBe((await januaryFromLinks()).toFixed(9));

  // Four closed months (November to February) for each campaign; a second run has nothing to add.
  const campaigns = await t.db.selectFrom('campaigns').select('id').execute();
  expect(await snapshotReadiness(t.db, '2027-03-01')).toBe(campaigns.length * 4);
  expect(await snapshotReadiness(t.db, '2027-03-01')).toBe(0);
  expect(await trend()).toEqual(live);

  // Retitled since, the minutes no longer name a material: the links now say January was
  // emptier, but January has closed and keeps what it was; the current month follows.
  const before = await januaryFromLinks();
  await t.db.updateTable('evidence_items').set({ title: '第一次会议' }).where('id', '=', minutes).execute();
  expect(await januaryFromLinks()).toBeLessThan(before);
  const after = await trend();
  expect(after.slice(0, 3)).toEqual(live.slice(0, 3));
  expect(Number(after[3]![2])).toBeLessThan(Number(live[3]![2]));

  // A closed month not kept yet (the job has not run since) is read from the links meanwhile.
  await sql`delete from readiness_month_ends where month = '2027-01-01'`.execute(t.db);
  expect((await trend())[1]![2]).toBe((await januaryFromLinks()).toFixed(9));
  expect(await snapshotReadiness(t.db, '2027-03-01')).toBe(campaigns.length);
});
