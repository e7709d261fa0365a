import { seedDemo } from '@wenming/api';
import { createStore } from '@wenming/storage';
import type { Command } from 'commander';
import { withDatabase } from '../database';
import { parseEnv } from '../env';
import { CliError } from '../errors';

export function registerSeed(program: Command) {
  program
    .command('seed')
    .description('fill an empty database with data')
    .option('--demo', 'the demo city: offices, units, departments, status history and demo accounts')
    .option('--no-users', 'with --demo: leave out the demo accounts')
    .action(async (opts: { demo?: boolean; users: boolean }) => {
      if (!opts.demo) throw new CliError('say what to seed: --demo');
      await withDatabase(async ({ db, engine }) => {
        const store = createStore(parseEnv().store);
        const summary = await seedDemo(db, { users: opts.users, engine, store });
        console.log(
          summary.seeded
            ? `seeded ${summary.offices} offices, ${summary.units} units, ${summary.users} users (password: wenming-demo)`
            : 'the database already has data; nothing seeded',
        );
      });
    });
}
