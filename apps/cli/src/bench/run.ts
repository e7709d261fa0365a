import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createDb, type Database, migrateToLatest } from '@wenming/db';
import { buildServer } from '@wenming/server';
import { createStore } from '@wenming/storage';
import { sql } from 'kysely';
import { generate, type Scale } from './generate';
import { type Measurement, measure } from './measure';

interface Options {
  scale: Scale;
  seed: number;
  databaseUrl: string | undefined;
  filesDir: string;
  out: string;
}

/**
 * `pnpm bench`: a fresh database at the chosen scale, the real server on loopback, reads
 * measured over HTTP next to the same SQL run directly (ratio API / raw), the public answer
 * path against pgbench's single-row INSERT, and the server's memory. Prints and writes a
 * markdown table.
 */
export async function runBench(options: Options, log: (line: string) => void) {
  let database: Database;
  let schema: string | undefined;
  if (options.databaseUrl) {
    schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = createDb({ databaseUrl: options.databaseUrl, maxConnections: 1 });
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    await admin.close();
    database = createDb({ databaseUrl: options.databaseUrl, searchPath: schema, maxConnections: 10 });
  } else {
    if (options.scale !== 'small')
      throw new Error('embedded PGlite is for --scale small only; set DATABASE_URL to a real Postgres');
    database = createDb();
  }
  try {
    await migrateToLatest(database.db, schema);
    log(`generating ${options.scale} data (seed ${options.seed}) on ${database.engine}…`);
    const { token } = await generate(database, options.scale, options.seed, log);
    const app = await buildServer({
      database,
      store: createStore({ kind: 'local', root: options.filesDir }),
      logger: false,
      trustProxy: true,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const rows = await measureAll(database, base, token, log);
      const pg = options.databaseUrl ? pgbenchInsert(options.databaseUrl, schema!) : null;
      const table = report(options, database.engine, rows, pg);
      console.log(table);
      mkdirSync(options.out, { recursive: true });
      const file = `${options.out}/${new Date().toISOString().slice(0, 10)}-${options.scale}.md`;
      writeFileSync(file, table);
      log(`written to ${file}`);
    } finally {
      await app.close();
    }
  } finally {
    if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
    await database.close();
  }
}

async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'wenming-demo' }),
  });
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

async function measureAll(database: Database, base: string, token: string, log: (line: string) => void) {
  const office = await signIn(base, 'office.admin');
  const unit = await database.db
    .selectFrom('units')
    .select(['id', 'office_id'])
    .where('code', 'like', 'G%')
    .orderBy('code')
    .limit(1)
    .executeTakeFirstOrThrow();
  const campaign = await database.db
    .selectFrom('campaigns')
    .select('id')
    .where('unit_id', '=', unit.id)
    .executeTakeFirstOrThrow();
  const get = (path: string, input: unknown) => async () => {
    const res = await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers: { cookie: office },
    });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    await res.arrayBuffer();
  };
  const offices = (await database.db.selectFrom('offices').select('id').execute()).map((o) => o.id);
  const raw = (query: () => Promise<unknown>) => async () => {
    await query();
  };
  const opts = { requests: 300, concurrency: 4 };
  const pairs: [Measurement, Measurement | null][] = [];
  const run = async (name: string, api: () => Promise<void>, direct: (() => Promise<void>) | null) => {
    const a = await measure(name, api, opts);
    const b = direct ? await measure(`${name} (raw SQL)`, direct, opts) : null;
    pairs.push([a, b]);
    log(`${name}: p95 ${a.p95.toFixed(1)} ms${b ? `, raw p95 ${b.p95.toFixed(1)} ms` : ''}`);
  };
  await run(
    'unit.list (school, page 1)',
    get('unit.list', { type: 'school', limit: 20 }),
    raw(() =>
      sql`select u.id, u.office_id, o.name, u.code, u.name, u.type, u.status_level, u.term_start_year, u.term_end_year, u.updated_at
        from units u join offices o on o.id = u.office_id where u.office_id = any(${offices}::uuid[]) and u.type = 'school'
        order by u.name, u.id limit 21`.execute(database.db),
    ),
  );
  await run(
    "one unit's ledger page",
    get('evidence.list', { unitId: unit.id, limit: 20 }),
    raw(() =>
      sql`select e.*, d.name from evidence_items e left join departments d on d.id = e.department_id
        where e.office_id = any(${offices}::uuid[]) and e.unit_id = ${unit.id} and e.retracted_at is null
        order by e.event_date desc, e.id desc limit 21`.execute(database.db),
    ),
  );
  await run('ledger.completeness', get('ledger.completeness', { campaignId: campaign.id }), null);
  await run('campaign.list (page 1)', get('campaign.list', { limit: 20 }), null);
  let n = 0;
  const answer = await measure(
    'survey.answer (public)',
    async () => {
      const i = n++;
      const res = await fetch(`${base}/trpc/survey.answer`, {
        method: 'POST',
        // A different client address per answer: the per-address limit is not what is measured here.
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
        body: JSON.stringify({
          token,
          respondent: randomBytes(16).toString('hex'),
          answers: { overall: 1 + (i % 5) },
        }),
      });
      if (!res.ok) throw new Error(`answer: ${res.status}`);
      await res.arrayBuffer();
    },
    { requests: 2000, concurrency: 8 },
  );
  pairs.push([answer, null]);
  const rss = process.memoryUsage().rss;
  return { pairs, rssMb: rss / 1024 / 1024, answered: answer.requests - answer.errors };
}

/** pgbench's single-row INSERT on the same Postgres: the yardstick for the answer path. */
function pgbenchInsert(url: string, schema: string): number | null {
  const started = performance.now();
  const setup = spawnSync(
    'psql',
    [url, '-qc', `create table ${schema}.pgbench_answers (id bigserial primary key, answers jsonb not null)`],
    { encoding: 'utf8' },
  );
  if (setup.status !== 0) return null;
  const script = `/tmp/wenming-pgbench-${process.pid}.sql`;
  writeFileSync(script, `insert into ${schema}.pgbench_answers (answers) values ('{"overall": 4}');\n`);
  const run = spawnSync('pgbench', ['-n', '-c', '8', '-j', '2', '-T', '10', '-f', script, url], {
    encoding: 'utf8',
  });
  const tps = /tps = ([\d.]+)/.exec(run.stdout ?? '')?.[1];
  void started;
  return tps ? Number(tps) : null;
}

function report(
  options: Options,
  engine: string,
  r: Awaited<ReturnType<typeof measureAll>>,
  pgTps: number | null,
) {
  const f = (n: number) => n.toFixed(1);
  const lines = [
    `# Bench — ${options.scale} scale on ${engine}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    '| figure | p50 ms | p95 ms | p99 ms | req/s | raw SQL p95 ms | API / raw (p95) |',
    '|---|---|---|---|---|---|---|',
    ...r.pairs.map(
      ([a, b]) =>
        `| ${a.name} | ${f(a.p50)} | ${f(a.p95)} | ${f(a.p99)} | ${f(a.throughput)} | ${b ? f(b.p95) : '—'} | ${b && b.p95 > 0 ? `${(a.p95 / b.p95).toFixed(2)}×` : '—'} |`,
    ),
    '',
    `- survey answers accepted: ${r.answered}; ${pgTps ? `pgbench single-row INSERT: ${f(pgTps)} tps; answers/s ÷ pgbench = ${(r.pairs.at(-1)![0].throughput / pgTps).toFixed(2)}` : 'pgbench comparison needs DATABASE_URL (a real Postgres)'}`,
    `- bench process RSS after the run (server in-process): ${f(r.rssMb)} MB`,
    `- concurrency: reads 4, answers 8; 300 reads and 2,000 answers per figure, after 20 warm-up calls`,
    '',
  ];
  return lines.join('\n');
}
