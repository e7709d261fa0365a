import { createDb, migrateToLatest } from '@wenming/db';
import type { Command } from 'commander';
import { parseEnv } from '../env';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('apply every pending database migration')
    .action(async () => {
      const env = parseEnv();
      const database = createDb({
        databaseUrl: env.databaseUrl,
        dataDir: env.databaseUrl ? undefined : `${env.dataDir}/pglite`,
      });
      try {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await database.close();
      }
    });
}
