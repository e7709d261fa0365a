import { createStore } from '@wenming/storage';
import { type Command, Option } from 'commander';
import { withDatabase } from '../database';
import { parseEnv } from '../env';
import { CliError } from '../errors';
import { generate, SCALES, type Scale } from '../generate';

export function registerGenerate(program: Command) {
  program
    .command('generate')
    .description(
      'add synthetic units, campaigns, tasks, hash-chained ledgers, inspections and survey answers at a scale (city: 5,000 units, 1M evidence items, 2M answers; use a real Postgres via DATABASE_URL above small)',
    )
    .addOption(new Option('--scale <scale>', 'how much data').choices(Object.keys(SCALES)).default('small'))
    .option('--seed <n>', 'generator seed (same seed, same data)', (v) => Number(v), 1)
    .action(async (opts: { scale: Scale; seed: number }) => {
      if (!Number.isInteger(opts.seed) || opts.seed < 0)
        throw new CliError('--seed must be a whole number ≥ 0');
      const env = parseEnv();
      if (!env.databaseUrl && opts.scale !== 'small')
        throw new CliError('embedded PGlite is for --scale small only; set DATABASE_URL to a real Postgres');
      await withDatabase(async (database) => {
        const result = await generate(
          database,
          createStore(env.store),
          SCALES[opts.scale],
          opts.seed,
          (line) => console.error(line),
        );
        console.log(
          `generated ${result.units} units, ${result.tasks} tasks, ${result.evidence} evidence items (${result.events} ledger events), ${result.answers} survey answers, ${result.inspections} inspections, ${result.rectifications} rectification orders in ${result.seconds.toFixed(0)} s`,
        );
      });
    });
}
