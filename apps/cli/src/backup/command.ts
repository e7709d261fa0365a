import type { Command } from 'commander';
import { parseEnv } from '../env';
import { createBackup } from './backup';
import { restoreBackup } from './restore';

export function registerBackup(program: Command) {
  program
    .command('backup')
    .description(
      'write one archive with the database (pg_dump custom format on PostgreSQL, the data directory on PGlite) and every evidence file',
    )
    .requiredOption('--out <file>', 'where to write the backup (.zip)')
    .action(async (opts: { out: string }) => {
      const made = await createBackup(parseEnv(), opts.out);
      const rows = Object.values(made.rows).reduce((a, b) => a + b, 0);
      console.log(
        `wrote ${opts.out}: ${made.engine} database (${Object.keys(made.rows).length} tables, ${rows} rows), ${made.files.length} files, ${made.size} bytes`,
      );
    });
  program
    .command('restore')
    .description(
      'restore a backup into an empty database and files directory, then check every table against it',
    )
    .argument('<file>', 'a backup written by `backup`')
    .action(async (file: string) => {
      const restored = await restoreBackup(parseEnv(), file);
      console.log(
        `restored ${file} (taken ${restored.createdAt}): ${Object.keys(restored.rows).length} tables and ${restored.files.length} files, every row count matches`,
      );
    });
}
