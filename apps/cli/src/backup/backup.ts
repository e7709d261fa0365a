import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { DB } from '@wenming/db';
import { createStore, type StoreConfig } from '@wenming/storage';
import { type Kysely, sql } from 'kysely';
import { CliError } from '../errors';
import { dumpEntry, FORMAT, fileEntry, MANIFEST, type Manifest } from './manifest';
import { runPgTool } from './postgres-tools';
import { appliedMigrations, countRows, isEmptyDir, openDatabase, pgliteDir } from './source';
import { writeZip } from './zip';

export interface BackupEnv {
  databaseUrl?: string | undefined;
  dataDir: string;
  store: StoreConfig;
  pgBin?: string | undefined;
}

/**
 * One archive with the database dump, every evidence file the database knows and a
 * manifest of both. On Postgres the dump, the row counts and the file list are all read
 * from one exported snapshot, so a backup taken while the server runs is consistent; on
 * PGlite the server must be stopped anyway (one process owns the files).
 */
export async function createBackup(env: BackupEnv, out: string): Promise<Manifest & { size: number }> {
  // Opening an absent PGlite directory would create an empty database there.
  if (!env.databaseUrl && (await isEmptyDir(pgliteDir(env.dataDir)))) {
    throw new CliError(`there is no database in ${pgliteDir(env.dataDir)}: nothing to back up`);
  }
  const source = openDatabase(env);
  const work = await mkdtemp(join(tmpdir(), 'wenming-backup-'));
  try {
    const dumpPath = join(work, dumpEntry(source.engine));
    const manifest = await (source.engine === 'postgres'
      ? snapshotPostgres(source.db, env, dumpPath)
      : snapshotPglite(source, dumpPath));
    const store = createStore(env.store);
    const size = await writeZip(out, async (zip) => {
      zip.addStream(Readable.from([JSON.stringify(manifest, null, 2)]), MANIFEST);
      zip.addFile(dumpPath, manifest.dump);
      for (const file of manifest.files) {
        zip.addStream(await store.open(file.sha256), fileEntry(file.sha256));
      }
    });
    return { ...manifest, size };
  } finally {
    await source.close();
    await rm(work, { recursive: true, force: true });
  }
}

async function describe(db: Kysely<DB>, engine: Manifest['engine']): Promise<Manifest> {
  const migrations = await appliedMigrations(db);
  if (migrations.length === 0)
    throw new CliError('the database is empty (never migrated): nothing to back up');
  const files = await sql<{ sha256: string; bytes: number }>`
    select sha256, bytes::float8 as bytes from files order by sha256`.execute(db);
  return {
    format: FORMAT,
    engine,
    createdAt: new Date().toISOString(),
    migrations,
    rows: await countRows(db),
    dump: dumpEntry(engine),
    files: files.rows,
  };
}

async function snapshotPostgres(db: Kysely<DB>, env: BackupEnv, dumpPath: string): Promise<Manifest> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const snapshot = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
      const manifest = await describe(trx, 'postgres');
      await runPgTool(
        'pg_dump',
        env.databaseUrl!,
        [
          '--format=custom',
          '--no-owner',
          '--no-privileges',
          `--snapshot=${snapshot.rows[0]!.id}`,
          `--file=${dumpPath}`,
        ],
        env.pgBin,
      );
      return manifest;
    });
}

async function snapshotPglite(source: ReturnType<typeof openDatabase>, dumpPath: string): Promise<Manifest> {
  const manifest = await describe(source.db, 'pglite');
  const dump = await source.pglite!.dumpDataDir('gzip');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  return manifest;
}
