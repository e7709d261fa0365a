import { mkdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { createDb, type DB, type Engine } from '@wenming/db';
import { Kysely, PGliteDialect, sql } from 'kysely';

/** The platform's database opened for backup or restore, with the engine's handle kept. */
export interface Opened {
  engine: Engine;
  db: Kysely<DB>;
  /** Only on PGlite: the embedded instance, whose data directory is the dump. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export function pgliteDir(dataDir: string): string {
  return `${dataDir}/pglite`;
}

export function openDatabase(env: { databaseUrl?: string | undefined; dataDir: string }): Opened {
  if (env.databaseUrl) {
    const database = createDb({ databaseUrl: env.databaseUrl, maxConnections: 2 });
    return { engine: 'postgres', db: database.db, close: () => database.close() };
  }
  return openPglite(pgliteDir(env.dataDir));
}

export function openPglite(dir: string, loadDataDir?: Blob): Opened {
  mkdirSync(dir, { recursive: true });
  const pglite = new PGlite({ dataDir: dir, ...(loadDataDir ? { loadDataDir } : {}) });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    engine: 'pglite',
    db,
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

export async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch {
    return true;
  }
}

/** Every table of the platform's schema with its row count, by name. */
export async function countRows(db: Kysely<DB>): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db);
    counts[name] = row.rows[0]!.n;
  }
  return counts;
}

/** The migrations applied, in order; empty when the database was never migrated. */
export async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const exists = await sql<{ ok: boolean }>`
    select exists (select 1 from information_schema.tables
      where table_schema = current_schema() and table_name = 'kysely_migration') as ok`.execute(db);
  if (!exists.rows[0]?.ok) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
