import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { type CompiledQuery, Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

export type Engine = 'pglite' | 'postgres';

export interface CreateDbOptions {
  /** A Postgres connection string; without one, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; omitted means in memory (tests). */
  dataDir?: string | undefined;
  /** Postgres only: a schema to work in, so tests can run side by side in one database. */
  searchPath?: string | undefined;
  /** Postgres only: pool size. */
  maxConnections?: number;
}

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/**
 * The two drivers disagree on some types (pg returns int8 as a string and dates as local
 * Date objects); both are normalised here so repositories see the same values on either.
 * Counts and ids stay far below 2^53.
 */
const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [NUMERIC]: (v) => Number(v),
  [DATE]: (v) => v,
};

const pools = new WeakMap<Kysely<DB>, pg.Pool>();

/**
 * Postgres only: runs `query` as a named prepared statement, parsed and planned once per
 * connection instead of at every call — for a hot statement whose text never changes (the
 * public answers' group commit). Null on PGlite or for a transaction: run it through Kysely.
 */
export async function runPrepared<R>(
  db: Kysely<DB>,
  name: string,
  query: CompiledQuery,
): Promise<R[] | null> {
  const pool = pools.get(db);
  if (!pool) return null;
  return (await pool.query({ name, text: query.sql, values: [...query.parameters] })).rows as R[];
}

export function createDb(options: CreateDbOptions = {}): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    pools.set(db, pool);
    return { db, engine: 'postgres', close: () => db.destroy() };
  }

  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = new PGlite({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), parsers });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
