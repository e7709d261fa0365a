import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ControlledTransaction, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createDb, type Database } from '../create-db';
import { migrateToLatest } from '../migrate';
import type { DB } from '../schema';
import type { Db } from '../tx';

/** The database tests run against: real Postgres when DATABASE_URL is set, else PGlite. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/**
 * A freshly migrated database of its own: an in-memory PGlite, or a new schema in the
 * Postgres of DATABASE_URL (dropped again on close), so test files never see each other.
 */
export async function createTestDatabase(): Promise<Database & { schema?: string }> {
  const url = testDatabaseUrl();
  if (!url) {
    const database = createDb();
    await migrateToLatest(database.db);
    return database;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = createDb({ databaseUrl: url, maxConnections: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const database = createDb({ databaseUrl: url, searchPath: schema, maxConnections: 4 });
  await migrateToLatest(database.db, schema);
  return {
    ...database,
    schema,
    close: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
      await database.close();
    },
  };
}

export interface TestDb {
  /** The open per-test transaction: everything a test writes is rolled back after it. */
  readonly db: Db;
  /** The database itself, for tests that must commit (concurrency, HTTP servers). */
  readonly database: Database;
}

/**
 * One migrated database per test file; each test runs inside a transaction rolled back
 * afterwards. `prepare` runs once, committed, before the first test (shared fixtures).
 */
export function useTestDb(prepare?: (db: Db) => Promise<void>): TestDb {
  let database: Database | undefined;
  let trx: ControlledTransaction<DB> | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    if (prepare) await prepare(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    trx = await database!.db.startTransaction().execute();
  });
  afterEach(async () => {
    await trx?.rollback().execute();
  });
  return {
    get db() {
      if (!trx) throw new Error('useTestDb: no test is running');
      return trx as unknown as Db;
    },
    get database() {
      if (!database) throw new Error('useTestDb: database not ready');
      return database;
    },
  };
}

/**
 * Where a child process (the CLI, a server under test) may keep a database of its own:
 * a fresh Postgres database next to DATABASE_URL's, or a fresh PGlite data directory.
 * `dispose` removes it again.
 */
export async function createScratchDatabase(): Promise<{
  env: { DATABASE_URL?: string; DATA_DIR?: string; FILES_DIR: string };
  dispose(): Promise<void>;
}> {
  const url = testDatabaseUrl();
  const dir = mkdtempSync(join(tmpdir(), 'wenming-scratch-'));
  const files = join(dir, 'files');
  if (!url) {
    return {
      env: { DATA_DIR: dir, FILES_DIR: files },
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `scratch_${randomBytes(6).toString('hex')}`;
  const admin = createDb({ databaseUrl: url, maxConnections: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: scratchUrl.toString(), FILES_DIR: files },
    dispose: async () => {
      rmSync(dir, { recursive: true, force: true });
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}
