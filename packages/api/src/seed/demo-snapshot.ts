import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayInChina } from '@wenming/core';
import {
  cachedDir,
  copyDirWhole,
  createDb,
  fillFromTemplate,
  isPgliteDataDir,
  migrateToLatest,
  pgliteSchemaKey,
} from '@wenming/db';
import { LocalDiskStore } from '@wenming/storage';
import { seedDemo } from './demo';

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
  now?: Date;
  /** What the city is made from; by default a hash of the sources (see demoSourcesKey). */
  sourcesKey?: string | undefined;
}

/**
 * Fills an empty data directory with today's demo city. Seeding runs thousands of statements
 * through the API (seconds, tens on a busy machine), so a seeded city is kept in `cacheDir` and
 * every further empty data directory that day gets a copy — the same city, deadlines and dates
 * counted from the same day. The day is part of the key because the demo's dates are relative
 * to it; a change to the sources makes a new one. Without a local file store or sources to
 * key by, only the migrated cluster is copied and the server seeds as before.
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
  const snapshot = await cachedDir(
    target.cacheDir,
    `demo-${todayInChina(now)}-${sources}`,
    'demo-',
    async (dir) => {
      await fillFromTemplate(join(dir, 'pglite'), target.cacheDir);
      const database = createDb({ dataDir: join(dir, 'pglite') });
      try {
        await migrateToLatest(database.db);
        await seedDemo(database.db, { engine: 'pglite', store: new LocalDiskStore(join(dir, 'files')), now });
      } finally {
        await database.close();
      }
    },
  );
  // Files first: a database that points at files must never appear without them.
  if (existsSync(join(snapshot, 'files')))
    cpSync(join(snapshot, 'files'), target.filesDir!, { recursive: true });
  copyDirWhole(join(snapshot, 'pglite'), target.pgliteDir);
  return 'demo';
}
