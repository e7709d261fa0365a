import { createDb, type Database, migrateToLatest } from '@wenming/db';
import { parseEnv } from './env';

/**
 * Opens the platform's database (DATABASE_URL, or the PGlite files under DATA_DIR) at the
 * latest schema, runs `fn`, and always closes it. PGlite files cannot be shared by two
 * processes: stop the server before using the CLI on an embedded database.
 */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const env = parseEnv();
  const database = createDb({
    databaseUrl: env.databaseUrl,
    dataDir: env.databaseUrl ? undefined : `${env.dataDir}/pglite`,
  });
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}
