import { type Command, Option } from 'commander';
import { runBench } from '../bench/run';
import { parseEnv } from '../env';
import { SCALES, type Scale } from '../generate';

export function registerBench(program: Command) {
  program
    .command('bench')
    .description(
      'generate data at a scale into a fresh database on the PostgreSQL of DATABASE_URL, start the server, and measure it over loopback against raw SQL, pgbench and tar',
    )
    .addOption(new Option('--scale <scale>', 'how much data').choices(Object.keys(SCALES)).default('small'))
    .option('--seed <n>', 'generator seed (same seed, same data)', (v) => Number(v), 1)
    .option(
      '--reuse',
      'bench DATABASE_URL as it is, after pnpm cli generate with the same --scale and --seed',
    )
    .option('--ports <a,b,lb>', 'ports of the two server instances and the balancer', '3314,3315,3316')
    .option('--out <dir>', 'where to write the markdown report', 'bench/results')
    .action(async (opts: { scale: Scale; seed: number; reuse?: boolean; ports: string; out: string }) => {
      const env = parseEnv();
      // Interrupted: exit normally, so the servers it started are stopped too.
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
      const ports = opts.ports.split(',').map(Number) as [number, number, number];
      await runBench(
        {
          scale: opts.scale,
          plan: SCALES[opts.scale],
          seed: opts.seed,
          databaseUrl: env.databaseUrl,
          reuse: opts.reuse ?? false,
          filesDir: env.store.kind === 'local' ? env.store.root : `${env.dataDir}/files`,
          out: opts.out,
          ports,
        },
        (line) => console.error(line),
      );
    });
}
