import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createDb, migrateToLatest } from '@wenming/db';
import { createStore } from '@wenming/storage';
import { sql } from 'kysely';
import { CliError } from '../errors';
import type { BackupEnv } from './backup';
import { fileEntry, MANIFEST, type Manifest, ZManifest } from './manifest';
import { runPgTool } from './postgres-tools';
import { countRows, isEmptyDir, openDatabase, openPglite, pgliteDir } from './source';
import { readZip, type ZipReader } from './zip';

/**
 * Restores a backup into an empty target (never over live data): files first — they are
 * content-addressed, so a failure there harms nothing —, then the database, then the
 * schema brought to this version's latest, then every table's row count checked against
 * the manifest.
 */
export async function restoreBackup(env: BackupEnv, file: string): Promise<Manifest> {
  const zip = await readZip(file).catch((error: Error) => {
    throw new CliError(`${file} is not a Wenming backup: ${error.message}`);
  });
  const work = await mkdtemp(join(tmpdir(), 'wenming-restore-'));
  try {
    const manifest = await readManifest(zip, file);
    const engine = env.databaseUrl ? 'postgres' : 'pglite';
    if (manifest.engine !== engine) {
      throw new CliError(
        `this backup was taken from ${manifest.engine === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'} and can only be restored there (set or unset DATABASE_URL)`,
      );
    }
    const known = new Set(await knownMigrations());
    const unknown = manifest.migrations.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new CliError(
        `this backup is from a newer version of Wenming (schema ${unknown.at(-1)}): upgrade first`,
      );
    }
    await refuseNonEmptyTarget(env);

    const store = createStore(env.store);
    for (const { sha256 } of manifest.files) {
      const stored = await store.put(await zip.open(fileEntry(sha256)), {
        maxBytes: Number.MAX_SAFE_INTEGER,
      });
      if (stored.sha256 !== sha256) throw new CliError(`the backup's copy of file ${sha256} is damaged`);
    }

    const dumpPath = join(work, manifest.dump);
    await pipeline(await zip.open(manifest.dump), createWriteStream(dumpPath));
    const target = await loadDump(env, dumpPath);
    try {
      const restored = await countRows(target.db);
      const wrong = Object.entries(manifest.rows).filter(([table, n]) => restored[table] !== n);
      if (wrong.length > 0) {
        throw new CliError(
          `the restored database differs from the backup: ${wrong.map(([t, n]) => `${t} has ${restored[t] ?? 'no table'} rows, expected ${n}`).join('; ')}`,
        );
      }
      await migrateToLatest(target.db);
      await target.close();
    } catch (error) {
      await target.close();
      // The PGlite directory was empty before: leave it empty again, ready for another try.
      if (!env.databaseUrl) await rm(pgliteDir(env.dataDir), { recursive: true, force: true });
      throw error;
    }
    return manifest;
  } finally {
    zip.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Loads the database dump into the (checked empty) target and opens it. */
async function loadDump(env: BackupEnv, dumpPath: string) {
  if (!env.databaseUrl) return openPglite(pgliteDir(env.dataDir), await openAsBlob(dumpPath));
  await runPgTool(
    'pg_restore',
    env.databaseUrl,
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', dumpPath],
    env.pgBin,
  );
  return openDatabase(env);
}

async function readManifest(zip: ZipReader, file: string): Promise<Manifest> {
  if (!zip.names().includes(MANIFEST)) throw new CliError(`${file} is not a Wenming backup (no ${MANIFEST})`);
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.open(MANIFEST)) chunks.push(chunk as Buffer);
  const parsed = ZManifest.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  if (!parsed.success)
    throw new CliError(`${file}: unreadable backup manifest (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

async function refuseNonEmptyTarget(env: BackupEnv): Promise<void> {
  if (!env.databaseUrl) {
    if (!(await isEmptyDir(pgliteDir(env.dataDir)))) {
      throw new CliError(
        `${pgliteDir(env.dataDir)} already holds a database: restore only into an empty DATA_DIR`,
      );
    }
    return;
  }
  const target = openDatabase(env);
  try {
    const tables = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_schema = current_schema()`.execute(
      target.db,
    );
    if (tables.rows[0]!.n > 0) {
      throw new CliError('the target database already has tables: restore only into an empty database');
    }
  } finally {
    await target.close();
  }
}

/** The schema versions this build knows: what migrating a scratch in-memory database applies. */
async function knownMigrations(): Promise<string[]> {
  const scratch = createDb();
  try {
    return await migrateToLatest(scratch.db);
  } finally {
    await scratch.close();
  }
}
