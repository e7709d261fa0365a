import { createHash, randomBytes } from 'node:crypto';
import {
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from './create-db';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations/index';

/** True when `dir` holds a database cluster (PGlite keeps Postgres's layout). */
export function isPgliteDataDir(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Changes whenever a new cluster would come out different: another PGlite or another
 * migration. The migrations' source files are hashed, not the loaded functions, whose text
 * differs between a bundled server and one run from TypeScript; both must find one cluster.
 */
export function pgliteSchemaKey(): string {
  const hash = createHash('sha256').update(pgliteVersion());
  const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
  for (const name of Object.keys(migrations)) hash.update(name);
  if (existsSync(dir))
    for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  else for (const migration of Object.values(migrations)) hash.update(String(migration.up));
  return hash.digest('hex').slice(0, 16);
}

/** Copies a directory tree to `target` (missing or empty), which appears whole or not at all. */
export function copyDirWhole(source: string, target: string): void {
  const staging = `${target}.tmp-${randomBytes(4).toString('hex')}`;
  try {
    // A copy-on-write clone where the file system offers one, a plain copy elsewhere.
    cpSync(source, staging, { recursive: true, mode: constants.COPYFILE_FICLONE });
    // Only an empty directory gives way (rmdir refuses any other).
    if (existsSync(target)) rmdirSync(target);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * `cacheDir/name`, made by `build` into a scratch directory on first use and renamed into
 * place, so a reader never sees half of one and two makers at once both succeed. Entries
 * starting with `prefix` under another name are out of date and removed.
 */
export async function cachedDir(
  cacheDir: string,
  name: string,
  prefix: string,
  build: (dir: string) => Promise<void>,
): Promise<string> {
  const target = join(cacheDir, name);
  if (existsSync(target)) return target;
  mkdirSync(cacheDir, { recursive: true });
  const scratch = join(cacheDir, `.tmp-${name}-${randomBytes(4).toString('hex')}`);
  try {
    await build(scratch);
    try {
      renameSync(scratch, target);
    } catch (error) {
      // Another process finished the same entry first; theirs is as good as ours.
      if (!existsSync(target)) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  for (const entry of readdirSync(cacheDir)) {
    const path = join(cacheDir, entry);
    // Scratch directories of a maker killed halfway grow old; a live maker's are young.
    const abandoned =
      entry.startsWith('.tmp-') &&
      (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) < Date.now() - 3_600_000;
    if ((entry.startsWith(prefix) && entry !== name) || abandoned)
      rmSync(path, { recursive: true, force: true });
  }
  return target;
}

/**
 * Fills an empty PGlite data directory with a migrated cluster. Creating one costs initdb and
 * every migration in WebAssembly — seconds, tens of seconds on a busy machine — yet comes out
 * the same each time for one PGlite and one set of migrations, so it is made once into
 * `cacheDir` and copied from there. Returns false, touching nothing, unless `dataDir` is empty.
 */
export async function fillFromTemplate(dataDir: string, cacheDir: string): Promise<boolean> {
  if (!isEmptyOrMissing(dataDir)) return false;
  const template = await cachedDir(cacheDir, `pglite-${pgliteSchemaKey()}`, 'pglite-', async (dir) => {
    const database = createDb({ dataDir: dir });
    try {
      await migrateToLatest(database.db);
    } finally {
      await database.close();
    }
  });
  copyDirWhole(template, dataDir);
  return true;
}
