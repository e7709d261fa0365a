import { type Command, Option } from 'commander';
import { runBench } from '../bench/run';
import { parseEnv } from '../env';

export function registerBench(program: Command) {
  program
    .command('bench')
    .description(
      'generate data at a scale, serve it, measure the API over loopback against raw SQL (a real Postgres via DATABASE_URL; PGlite for small only)',
    )
    .addOption(
      new Option('--scale <scale>', 'how much data').choices(['small', 'district', 'city']).default('small'),
    )
    .option('--seed <n>', 'generator seed (same seed, same data)', (v) => Number(v), 1)
    .option('--out <dir>', 'where to write the markdown report', 'bench/results')
    .action(async (opts: { scale: 'small' | 'district' | 'city'; seed: number; out: string }) => {
      const env = parseEnv();
      const filesDir = env.store.kind === 'local' ? env.store.root : `${env.dataDir}/files`;
      await runBench(
        { scale: opts.scale, seed: opts.seed, databaseUrl: env.databaseUrl, filesDir, out: opts.out },
        (line) => console.error(line),
      );
    });
}
