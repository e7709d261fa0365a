import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrateToLatest } from '@wenming/db';
import { createStore } from '@wenming/storage';
import { sql } from 'kysely';
import { CliError } from '../errors';
import { generate, type Plan, type Scale } from '../generate';
import { idOf } from '../generate/plan';
import { unitCode } from '../generate/unit';
import { answerBench } from './answers';
import { archiveVsTar } from './archive';
import { captureSql, replay } from './capture';
import { firstLoad } from './first-load';
import { combine, type Measurement, measure } from './measure';
import { RawHttpConnection } from './raw-http';
import { type BenchReport, type ReadFigure, report } from './report';
import { balancer, type Instance, peakRss, startServer } from './servers';
import { rateSweep } from './sweep';

export interface BenchOptions {
  scale: Scale;
  plan: Plan;
  seed: number;
  databaseUrl: string | undefined;
  /** Bench the database as it is (after `pnpm cli generate` with the same seed) instead of a fresh one. */
  reuse: boolean;
  filesDir: string;
  out: string;
  /** Two server instances and the round-robin balancer in front of them. */
  ports: [number, number, number];
}

const withDatabaseName = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * `pnpm bench`: data at a scale in a real Postgres, the real server started as its own
 * process, reads measured over loopback next to the same SQL run directly, the public
 * answer path against pgbench, the archive export against tar, and two instances behind a
 * round-robin balancer. Prints and writes a markdown table.
 */
export async function runBench(options: BenchOptions, log: (line: string) => void) {
  if (!options.databaseUrl)
    throw new CliError(
      'pnpm bench needs a real PostgreSQL in DATABASE_URL (raw SQL, pgbench and a second server instance share it)',
    );
  let url = options.databaseUrl;
  let created: string | null = null;
  if (!options.reuse) {
    created = `wenming_bench_${randomBytes(4).toString('hex')}`;
    const admin = createDb({ databaseUrl: url, maxConnections: 1 });
    await sql`create database ${sql.id(created)}`.execute(admin.db);
    await admin.close();
    url = withDatabaseName(url, created);
  }
  const database = createDb({ databaseUrl: url, maxConnections: 4 });
  const work = mkdtempSync(join(tmpdir(), 'wenming-bench-'));
  const filesDir = created ? join(work, 'files') : options.filesDir;
  try {
    if (created) {
      await migrateToLatest(database.db);
      log(`generating ${options.scale} data (seed ${options.seed}) into ${created}…`);
      await generate(
        database,
        createStore({ kind: 'local', root: filesDir }),
        options.plan,
        options.seed,
        log,
      );
      await settle(database.db, log);
    } else {
      const unit = await database.db
        .selectFrom('units')
        .select('id')
        .where('code', '=', unitCode(options.seed, 0))
        .executeTakeFirst();
      if (!unit)
        throw new CliError(
          `no generated data for seed ${options.seed} here: run pnpm cli generate --scale ${options.scale} --seed ${options.seed} first`,
        );
    }
    const loadBefore = loadavg()[0]!;
    const result = await benchServers(database.db, url, { ...options, filesDir }, work, log);
    const table = report(options, {
      ...result,
      firstLoad: { console: firstLoad('console'), portal: firstLoad('portal') },
      load: [loadBefore, loadavg()[0]!],
    });
    console.log(table);
    mkdirSync(options.out, { recursive: true });
    const file = `${options.out}/${new Date().toISOString().slice(0, 10)}-${options.scale}.md`;
    writeFileSync(file, table);
    log(`written to ${file}`);
  } finally {
    await database.close();
    rmSync(work, { recursive: true, force: true });
    if (created) {
      const admin = createDb({ databaseUrl: options.databaseUrl, maxConnections: 1 });
      await sql`drop database ${sql.id(created)} with (force)`.execute(admin.db);
      await admin.close();
    }
  }
}

/**
 * Measures a database at rest, not one still digesting the gigabytes it was just given. Right
 * after generating, autovacuum (the rollup triggers leave dead row versions behind, and no
 * page has its visibility or hint bits set yet), PostgreSQL's checkpoint and the kernel's
 * writeback of the new pages can all run beside the measurements (on 29 November the
 * overview's p95 was 51 ms straight after generating, 37–41 ms after settling, 31 ms on data
 * benched later with --reuse; docs/scaling.md says how much of that was the machine). The
 * database is the bench's own, so the vacuum reaches nothing else. CHECKPOINT needs a
 * superuser or pg_checkpoint; without, the run goes on and says so.
 */
async function settle(db: ReturnType<typeof createDb>['db'], log: (line: string) => void) {
  const started = Date.now();
  await sql`vacuum (analyze)`.execute(db);
  try {
    await sql`checkpoint`.execute(db);
  } catch (error) {
    log(`no checkpoint after generating (${String(error)}): the first figures may include its writes`);
  }
  log(`settled after generating in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'wenming-demo' }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { cookie, token: cookie.slice(cookie.indexOf('=') + 1) };
}

async function benchServers(
  db: ReturnType<typeof createDb>['db'],
  url: string,
  options: BenchOptions,
  work: string,
  log: (line: string) => void,
): Promise<Omit<BenchReport, 'load' | 'firstLoad'>> {
  const { seed } = options;
  const one = await startServer({ port: options.ports[0], databaseUrl: url, filesDir: options.filesDir });
  const instances: Instance[] = [one];
  const direct = createDb({ databaseUrl: url, maxConnections: 10 });
  try {
    const idleRssMb = one.rssMb();
    log(`server up in ${one.startedInMs} ms, RSS ${idleRssMb.toFixed(0)} MB`);
    const office = await signIn(one.url, 'office.admin');
    // The export first, on a server that has served nothing yet, so its peak RSS is the export's own.
    const archive = await archiveVsTar(
      db,
      one,
      office.cookie,
      idOf(seed, 'campaign', 0),
      options.filesDir,
      work,
    );
    log(
      `archive: ${archive.files} files, export ${archive.exportMbPerS.toFixed(1)} MB/s, tar ${archive.tarMbPerS.toFixed(1)} MB/s, server peak RSS ${archive.serverPeakRssMb.toFixed(0)} MB`,
    );

    const unitId = idOf(seed, 'unit', 1);
    const campaignId = idOf(seed, 'campaign', 1);
    const compared = Array.from({ length: 10 }, (_, i) =>
      idOf(seed, 'unit', (10 + i * 37) % options.plan.units),
    );
    const reads: { name: string; path: string; input: Record<string, unknown> }[] = [
      { name: 'analytics.overview (city office, all units)', path: 'analytics.overview', input: {} },
      { name: 'analytics.compare (10 units)', path: 'analytics.compare', input: { unitIds: compared } },
      { name: 'unit.list (schools, page 1 of 20)', path: 'unit.list', input: { type: 'school', limit: 20 } },
      { name: "one unit's ledger page (evidence.list)", path: 'evidence.list', input: { unitId, limit: 20 } },
      { name: 'ledger.completeness (one campaign)', path: 'ledger.completeness', input: { campaignId } },
    ];
    // Each side warms up before every run, as a server that has been answering for a while
    // has compiled its hot paths (30 calls first, 5 when it comes back to a side); 600 timed
    // calls a side in all, so p95 is not the work of a handful of calls.
    const readOpts = (round: number) => ({
      requests: 100,
      concurrency: 4,
      warmup: round === 0 ? 30 : 5,
      maxSeconds: 10,
    });
    const figures: ReadFigure[] = [];
    let loadRssMb = 0;
    for (const read of reads) {
      // One keep-alive connection per client in flight, like a browser tab's; raw, because
      // fetch() costs the shared cores about as much per request as the server's own work.
      const path = `/trpc/${read.path}?input=${encodeURIComponent(JSON.stringify(read.input))}`;
      const idle: RawHttpConnection[] = [];
      const get = async () => {
        const connection = idle.pop() ?? new RawHttpConnection(new URL(one.url));
        const res = await connection.get(path, { cookie: office.cookie });
        idle.push(connection);
        if (res.status !== 200) throw new Error(`${read.path}: ${res.status} ${res.body.slice(0, 200)}`);
      };
      const [router, procedure] = read.path.split('.') as [string, string];
      const groups = await captureSql(direct, office.token, (caller) =>
        (caller as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[router]![
          procedure
        ]!(read.input),
      );
      // API and raw SQL alternate in short rounds, so that a busy moment on the machine or a
      // cold cache does not land on one side only: this machine's speed was seen to swing by
      // half within minutes. Each side's rounds are pooled.
      const apiRuns: Measurement[] = [];
      const rawRuns: Measurement[] = [];
      for (let round = 0; round < 6; round++) {
        const { result: api, peakMb } = await peakRss(one.pid, () =>
          measure(read.name, get, readOpts(round)),
        );
        loadRssMb = Math.max(loadRssMb, peakMb);
        apiRuns.push(api);
        rawRuns.push(
          await measure(`${read.name} (raw SQL)`, () => replay(direct.db, groups), readOpts(round)),
        );
      }
      for (const connection of idle) connection.close();
      const api = apiRuns.reduce(combine);
      const raw = rawRuns.reduce(combine);
      figures.push({ api, raw, statements: groups.flat().length });
      log(
        `${read.name}: p95 ${api.p95.toFixed(1)} ms, raw p95 ${raw.p95.toFixed(1)} ms${api.errors ? ` (${api.errors} errors: ${api.firstError})` : ''}`,
      );
    }

    // The trend reads the past at each period's end: seconds, not milliseconds, so one call
    // of each interval after one untimed call is enough to follow it.
    const trend: { interval: string; ms: number }[] = [];
    for (const interval of ['month', 'year', 'term']) {
      const path = `/trpc/analytics.trend?input=${encodeURIComponent(JSON.stringify({ interval }))}`;
      const connection = new RawHttpConnection(new URL(one.url));
      try {
        await connection.get(path, { cookie: office.cookie });
        const started = performance.now();
        const res = await connection.get(path, { cookie: office.cookie });
        if (res.status !== 200) throw new Error(`analytics.trend: ${res.status} ${res.body.slice(0, 200)}`);
        trend.push({ interval, ms: performance.now() - started });
      } finally {
        connection.close();
      }
    }
    log(`trend: ${trend.map((x) => `${x.interval} ${x.ms.toFixed(0)} ms`).join(', ')}`);

    const survey = await db
      .selectFrom('survey_targets')
      .select(['token', 'survey_id'])
      .where('unit_id', '=', idOf(seed, 'unit', 2))
      .executeTakeFirstOrThrow();
    const answerRun = await answerBench(db, survey.survey_id, survey.token);
    const sweep = await rateSweep(answerRun, url, work, one.url, instances, log);
    loadRssMb = Math.max(loadRssMb, ...sweep.map((s) => s.answers.peakMb));

    const two = await startServer({ port: options.ports[1], databaseUrl: url, filesDir: options.filesDir });
    instances.push(two);
    const lb = await balancer(options.ports[2], [one.url, two.url]);
    let scaleOut: Measurement[];
    let balancedAnswers: Awaited<ReturnType<typeof answerRun>>;
    try {
      // A session made on one instance is honoured by the other: sessions live in Postgres.
      const res = await fetch(`${two.url}/trpc/auth.me`, { headers: { cookie: office.cookie } });
      if (!res.ok) throw new Error(`a session from instance 1 was refused by instance 2: ${res.status}`);
      const listOnce = (base: string) => async () => {
        const r = await fetch(
          `${base}/trpc/unit.list?input=${encodeURIComponent('{"type":"school","limit":20}')}`,
          {
            headers: { cookie: office.cookie },
          },
        );
        if (!r.ok) throw new Error(`unit.list: ${r.status}`);
        await r.arrayBuffer();
      };
      const listOpts = { requests: 3000, concurrency: 16, warmup: 20, maxSeconds: 20 };
      scaleOut = [
        await measure('unit.list, one instance', listOnce(one.url), listOpts),
        await measure('unit.list, two instances behind the balancer', listOnce(lb.url), listOpts),
      ];
      balancedAnswers = await answerRun(
        'public answer route, two instances behind the balancer',
        lb.url,
        instances,
      );
    } finally {
      await lb.close();
    }
    const settings = await sql<{ name: string; setting: string }>`
      select name, setting from pg_settings where name in ('synchronous_commit', 'fsync', 'server_version')`.execute(
      db,
    );
    const volumes: Record<string, number> = {};
    for (const table of [
      'units',
      'tasks',
      'evidence_items',
      'evidence_events',
      'survey_responses',
      'inspections',
      'rectifications',
    ] as const) {
      const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
      volumes[table] = Number(row.rows[0]!.n);
    }
    return {
      volumes,
      startedInMs: one.startedInMs,
      idleRssMb,
      reads: figures,
      trend,
      balancedAnswers,
      sweep,
      archive,
      loadRssMb,
      scaleOut,
      postgres: Object.fromEntries(settings.rows.map((r) => [r.name, r.setting])),
    };
  } finally {
    await direct.close();
    for (const instance of instances) await instance.stop();
  }
}
