import { refreshRollups, rollupDrift } from '@wenming/api';
import { todayInChina } from '@wenming/core';
import type { Command } from 'commander';
import { withDatabase } from '../database';
import { CliError } from '../errors';

export function registerRollups(program: Command) {
  const rollups = program
    .command('rollups')
    .description(
      'the analytics rollups (satisfaction tallies, ledger coverage and materials named, freshness, overdue tasks)',
    );
  rollups
    .command('check')
    .description('compare every rollup with its base tables; exits non-zero when one differs')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const drift = await rollupDrift(db);
        for (const d of drift) {
          console.error(`${d.figure}: ${d.wrong} row(s) wrong or extra, ${d.missing} missing`);
        }
        if (drift.length)
          throw new CliError('the rollups differ from the base tables: run `rollups refresh`');
        console.log('every rollup matches its base tables');
      });
    });
  rollups
    .command('refresh')
    .description('rebuild every rollup from the base tables (writes wait meanwhile)')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const started = Date.now();
        await refreshRollups(db, todayInChina(new Date()));
        console.log(`rollups rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      });
    });
}
