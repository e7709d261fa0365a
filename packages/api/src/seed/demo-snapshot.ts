import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayInChina } from '@wenming/core';
import {
  cachedDir,
  copyDirWhole,
  createDb,
  type Db,
  fillFromTemplate,
  isPgliteDataDir,
  migrateToLatest,
  pgliteSchemaKey,
} from '@wenming/db';
import { LocalDiskStore } from '@wenming/storage';
import { sql } from 'kysely';
import { seedDemo } from './demo';
import { shiftDemoDates } from './demo-shift';

/** Every package the seed runs through: a change to any of them may change what it makes. */
const SEED_PACKAGES = ['api', 'authz', 'core', 'db', 'domain', 'storage'];

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, path);
    else if (!/\.test\.tsx?$/.test(entry.name)) hash.update(entry.name).update(readFileSync(path));
  }
}

/**
 * A hash of the seed's sources; undefined when they are not beside this module (a bundled
 * server), because then nothing could tell a stale snapshot from a current one.
 */
export function demoSourcesKey(packagesDir = fileURLToPath(new URL('../../../', import.meta.url))) {
  if (!existsSync(join(packagesDir, 'api/src/seed/demo.ts'))) return undefined;
  const hash = createHash('sha256').update(pgliteSchemaKey());
  for (const name of SEED_PACKAGES) hashTree(hash, join(packagesDir, name, 'src'));
  return hash.digest('hex').slice(0, 16);
}

export interface DemoDataDir {
  /** PGlite's data directory. */
  pgliteDir: string;
  /** The local file store's root; undefined when files go to S3, which a copy cannot fill. */
  filesDir: string | undefined;
  /** Where prepared clusters and demo cities are kept between starts. */
  cacheDir: string;
  /** Today, for the demo's dates; the clock by default. */
  now?: Date;
  /** What the city is made from; by default a hash of the sources (see demoSourcesKey). */
  sourcesKey?: string | undefined;
}

const DAY = 86_400_000;

/**
 * Writes what the write-ahead log holds into the tables before the cluster is closed and
 * copied: otherwise every copy replays it when the server opens it (a second, under load).
 */
async function settle(db: Db) {
  await sql`checkpoint`.execute(db);
}

/**
 * The prepared city of a quarter: the demo's dates count from its day, so a city seeded on
 * another day of the quarter serves by being moved to today (shiftDemoDates); a few of its
 * dates follow the calendar's quarters and years (report periods, "2026年度"), so another
 * quarter seeds afresh.
 */
export function demoSnapshotName(today: string, sources: string): string {
  return `demo-${today.slice(0, 4)}q${Math.ceil(Number(today.slice(5, 7)) / 3)}-${sources}`;
}

/**
 * Fills an empty data directory with today's demo city. Seeding runs thousands of statements
 * through the API (seconds, tens on a busy machine), so a seeded city is kept in `cacheDir`
 * and every further empty data directory that quarter gets a copy — moved to today when it
 * was seeded on an earlier day (a fraction of a second), so the city is the one a seed today
 * would make. A change to the sources makes a new one. Without a local file store or sources
 * to key by, only the migrated cluster is copied and the server seeds as before.
 *
 * `existing`: the data directory already had a database, nothing was touched.
 */
export async function prepareDemoDataDir(target: DemoDataDir): Promise<'existing' | 'demo' | 'cluster'> {
  if (isPgliteDataDir(target.pgliteDir)) return 'existing';
  const sources = target.filesDir ? (target.sourcesKey ?? demoSourcesKey()) : undefined;
  const filesEmpty =
    target.filesDir && (!existsSync(target.filesDir) || readdirSync(target.filesDir).length === 0);
  if (!sources || !filesEmpty) {
    await fillFromTemplate(target.pgliteDir, target.cacheDir);
    return 'cluster';
  }
  const now = target.now ?? new Date();
  const today = todayInChina(now);
  const snapshot = await cachedDir(
    target.cacheDir,
    demoSnapshotName(today, sources),
    'demo-',
    async (dir) => {
      await fillFromTemplate(join(dir, 'pglite'), target.cacheDir);
      const database = createDb({ dataDir: join(dir, 'pglite') });
      try {
        await migrateToLatest(database.db);
        await seedDemo(database.db, { engine: 'pglite', store: new LocalDiskStore(join(dir, 'files')), now });
        await settle(database.db);
      } finally {
        await database.close();
      }
      writeFileSync(join(dir, 'seeded-on'), today);
    },
  );
  // Files first: a database that points at files must never appear without them.
  if (existsSync(join(snapshot, 'files')))
    cpSync(join(snapshot, 'files'), target.filesDir!, { recursive: true });
  const seededOn = readFileSync(join(snapshot, 'seeded-on'), 'utf8').trim();
  const days = Math.round((Date.parse(today) - Date.parse(seededOn)) / DAY);
  if (days === 0) {
    copyDirWhole(join(snapshot, 'pglite'), target.pgliteDir);
    return 'demo';
  }
  // Moved in a scratch copy, so the data directory appears only once the city is today's.
  const moving = `${target.pgliteDir}.moving`;
  rmSync(moving, { recursive: true, force: true });
  copyDirWhole(join(snapshot, 'pglite'), moving);
  try {
    const database = createDb({ dataDir: moving });
    try {
      await shiftDemoDates(database.db, days, now);
      await settle(database.db);
    } finally {
      await database.close();
    }
    if (existsSync(target.pgliteDir)) rmdirSync(target.pgliteDir);
    renameSync(moving, target.pgliteDir);
  } finally {
    rmSync(moving, { recursive: true, force: true });
  }
  return 'demo';
}
