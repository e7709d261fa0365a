import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayInChina } from '@wenming/core';
import { createDb } from '@wenming/db';
import { LocalDiskStore } from '@wenming/storage';
import { afterAll, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password';
import { verifyLedger } from '../ledger/verify';
import { DEMO_PASSWORD } from './demo-data';
import { demoSnapshotName, prepareDemoDataDir } from './demo-snapshot';
import { demoTargets } from './demo-targets.testing';

const root = mkdtempSync(join(tmpdir(), 'wenming-demo-snapshot-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const target = demoTargets(root);
const { cacheDir, sourcesKey } = target('');

async function look(name: string) {
  const database = createDb({ dataDir: target(name).pgliteDir });
  try {
    const users = await database.db.selectFrom('users').select(['username', 'password_hash']).execute();
    const surveys = await database.db.selectFrom('surveys').select(['opens_on', 'closes_on']).execute();
    const ledger = await verifyLedger(database.db, new LocalDiskStore(target(name).filesDir));
    return { users, surveys, problems: ledger.problems };
  } finally {
    await database.close();
  }
}

// Seeds the whole demo city once through the API: slow on a busy machine.
it('gives every empty data directory of a day the same demo city, seeded once', {
  timeout: 300_000,
}, async () => {
  mkdirSync(join(cacheDir, demoSnapshotName('2000-01-01', sourcesKey!)), { recursive: true });
  const now = new Date();
  expect(await prepareDemoDataDir({ ...target('first'), now })).toBe('demo');
  // An old quarter's city is gone; this one's is kept for the next empty data directory.
  expect(readdirSync(cacheDir).filter((e) => e.startsWith('demo-'))).toEqual([
    demoSnapshotName(todayInChina(now), sourcesKey!),
  ]);
  expect(await prepareDemoDataDir({ ...target('second'), now })).toBe('demo');

  const first = await look('first');
  const second = await look('second');
  expect(first.users).toHaveLength(8);
  expect(await verifyPassword(DEMO_PASSWORD, first.users[0]!.password_hash)).toBe(true);
  // Copied, not seeded again: even the random salts of the password hashes are the same.
  expect(second.users).toEqual(first.users);
  expect(second.surveys).toEqual(first.surveys);
  // The demo's dates count from today, and every ledger file came along.
  expect(first.surveys.some((s) => s.opens_on < todayInChina(now) && s.closes_on > todayInChina(now))).toBe(
    true,
  );
  expect(first.problems).toEqual([]);
  expect(second.problems).toEqual([]);

  expect(await prepareDemoDataDir({ ...target('second'), now })).toBe('existing');
});

it('copies only the migrated cluster when the files go elsewhere or are already there', async () => {
  expect(await prepareDemoDataDir({ ...target('s3'), filesDir: undefined })).toBe('cluster');
  mkdirSync(target('kept').filesDir, { recursive: true });
  writeFileSync(join(target('kept').filesDir, 'mine.txt'), 'kept');
  expect(await prepareDemoDataDir(target('kept'))).toBe('cluster');
  expect(readdirSync(target('kept').filesDir)).toEqual(['mine.txt']);
  expect((await look('s3')).users).toEqual([]);
});
