import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * pgbench's single-row INSERT on the same Postgres and machine: the yardstick for the
 * answer path (a jsonb row per transaction, as many clients as the HTTP run has respondents). Null when
 * pgbench or psql is not installed.
 */
export function pgbenchInsert(
  url: string,
  work: string,
  clients = 16,
): { tps: number; clients: number } | null {
  const psql = (command: string) => spawnSync('psql', [url, '-qc', command], { encoding: 'utf8' });
  if (
    psql('create table bench_pgbench_answers (id bigserial primary key, answers jsonb not null)').status !== 0
  )
    return null;
  try {
    const script = join(work, 'pgbench.sql');
    writeFileSync(
      script,
      `insert into bench_pgbench_answers (answers) values ('{"overall": 4, "service": 5, "who": "visitor"}');\n`,
    );
    const run = spawnSync(
      'pgbench',
      ['-n', '-c', String(clients), '-j', '2', '-T', '10', '-f', script, url],
      {
        encoding: 'utf8',
      },
    );
    const tps = /tps = ([\d.]+)/.exec(run.stdout ?? '')?.[1];
    return tps ? { tps: Number(tps), clients } : null;
  } finally {
    psql('drop table bench_pgbench_answers');
  }
}
