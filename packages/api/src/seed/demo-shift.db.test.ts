import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db, fillFromTemplate } from '@wenming/db';
import { LocalDiskStore } from '@wenming/storage';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { rollupDrift } from '../analytics/rollup-check';
import { verifyLedger } from '../ledger/verify';
import { seedDemo } from './demo';
import { demoSnapshotName, prepareDemoDataDir } from './demo-snapshot';
import { demoTargets } from './demo-targets.testing';

const root = mkdtempSync(join(tmpdir(), 'wenming-demo-shift-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Every column of every table as a multiset, with what differs between two seeds of the same
 * day masked: random ids, hashes, tokens and salts, and times of day (the machine's clock,
 * not the demo's day, sets many). Dates stay: they are what a move must get right.
 */
async function contents(db: Db): Promise<Map<string, string[]>> {
  const skip = new Set([
    'survey_targets.token',
    'survey_responses.respondent',
    // Counted against the machine's clock at seeding; rollupDrift checks them against their rows.
    'unit_rollups.fresh_items',
    'unit_rollups.overdue_tasks',
    'rollup_state.overdue_as_of',
  ]);
  const mask = (value: unknown) =>
    JSON.stringify(value)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'id')
      .replace(/[0-9a-f]{64}/g, 'hash')
      .replace(/scrypt\$[^"]*/g, 'password')
      .replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d(:\d\d)?)?/g, 'time');
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const out = new Map<string, string[]>();
  for (const { table_name } of tables.rows) {
    // Items by the month they were filed in, which the machine's clock sets too (as above).
    if (table_name === 'unit_month_filings') continue;
    const rows = await sql<{
      j: Record<string, unknown>;
    }>`select to_jsonb(t) j from ${sql.table(table_name)} t`.execute(db);
    for (const row of rows.rows)
      for (const [column, value] of Object.entries(row.j)) {
        const key = `${table_name}.${column}`;
        if (!skip.has(key)) out.set(key, [...(out.get(key) ?? []), mask(value)]);
      }
  }
  for (const values of out.values()) values.sort();
  return out;
}

const day = (iso: string) => new Date(`${iso}T04:00:00Z`);

// Three demo cities seeded through the API: slow on a busy machine.
it('moves a city prepared earlier in the quarter to today: the city a seed today makes, its ledger intact', {
  timeout: 300_000,
}, async () => {
  const target = demoTargets(root);
  const { cacheDir, sourcesKey } = target('');
  // Seeded on 2 October; the later day is in the next month, the same quarter.
  expect(await prepareDemoDataDir({ ...target('early'), now: day('2026-10-02') })).toBe('demo');
  expect(await prepareDemoDataDir({ ...target('moved'), now: day('2026-11-11') })).toBe('demo');
  expect(readdirSync(cacheDir).filter((e) => e.startsWith('demo-'))).toEqual([
    demoSnapshotName('2026-10-02', sourcesKey!),
  ]);
  expect(existsSync(`${target('moved').pgliteDir}.moving`)).toBe(false);

  await fillFromTemplate(join(root, 'fresh', 'pglite'), cacheDir);
  const fresh = createDb({ dataDir: join(root, 'fresh', 'pglite') });
  const moved = createDb({ dataDir: target('moved').pgliteDir });
  try {
    await seedDemo(fresh.db, {
      engine: 'pglite',
      store: new LocalDiskStore(join(root, 'fresh', 'files')),
      now: day('2026-11-11'),
    });
    const want = await contents(fresh.db);
    const got = await contents(moved.db);
    // Column by column, so a failure names the column whose dates did not move (or moved wrongly).
    for (const [column, values] of want)
      expect({ column, values: got.get(column) }).toEqual({ column, values });
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());

    // The ledger's chains were rebuilt over the moved dates; the rollups agree with their rows.
    const ledger = await verifyLedger(moved.db, new LocalDiskStore(target('moved').filesDir));
    expect(ledger.problems).toEqual([]);
    expect(ledger.events).toBeGreaterThan(100);
    expect(await rollupDrift(moved.db)).toEqual([]);
    const survey = await moved.db
      .selectFrom('surveys')
      .select(['opens_on', 'closes_on'])
      .executeTakeFirstOrThrow();
    expect(survey).toEqual({ opens_on: '2026-10-22', closes_on: '2026-12-21' });
  } finally {
    await fresh.close();
    await moved.close();
  }
});

it('seeds a new city for another quarter: report periods and "年度" titles follow the calendar', () => {
  expect(demoSnapshotName('2026-10-01', 'k')).toBe(demoSnapshotName('2026-12-31', 'k'));
  expect(demoSnapshotName('2026-12-31', 'k')).not.toBe(demoSnapshotName('2027-01-01', 'k'));
  expect(demoSnapshotName('2026-09-30', 'k')).not.toBe(demoSnapshotName('2026-10-01', 'k'));
  expect(demoSnapshotName('2026-11-11', 'k')).not.toBe(demoSnapshotName('2026-11-11', 'other'));
});
