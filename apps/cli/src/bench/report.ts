import { cpus } from 'node:os';
import type { AnswerRun } from './answers';
import type { ArchiveFigures, ExportRun } from './archive';
import type { FirstLoad } from './first-load';
import type { Measurement } from './measure';
import { judgeSweep, type SweepStep } from './sweep';

export interface ReadFigure {
  api: Measurement;
  raw: Measurement;
  statements: number;
}

export interface BenchReport {
  startedInMs: number;
  /** The server's RSS once started, before any load. */
  idleRssMb: number;
  volumes: Record<string, number>;
  reads: ReadFigure[];
  /** One call of analytics.trend per interval, after an untimed one. */
  trend: { interval: string; ms: number }[];
  balancedAnswers: AnswerRun;
  /** The answer path and pgbench side by side as the clients at once grow. */
  sweep: SweepStep[];
  archive: ArchiveFigures;
  loadRssMb: number;
  scaleOut: Measurement[];
  postgres: Record<string, string>;
  /** Each SPA's first-load JavaScript; null where it was not built. */
  firstLoad: Record<string, FirstLoad | null>;
  /** The machine's 1-minute load average before and after: other work on it skews every figure. */
  load: [number, number];
}

/** Goals of issue #9 at city scale, by figure name prefix. */
const GOALS: [string, (r: ReadFigure) => string][] = [
  [
    'analytics.',
    (r) => verdict(r.api.p95 <= 50 && r.api.p95 / r.raw.p95 <= 1.25, 'p95 ≤ 50 ms, ≤ 1.25× raw'),
  ],
  ["one unit's ledger", (r) => verdict(r.api.p95 <= 30, 'p95 ≤ 30 ms')],
];

const verdict = (met: boolean, goal: string) => `${goal}: ${met ? 'met' : '**missed**'}`;
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const lost = (a: AnswerRun) => Math.max(0, a.accepted - a.stored);
/** One answer run's row, with pgbench's figures beside it where there are any. */
const answerRow = (a: AnswerRun, pgbench: string, ratio: string, suffix = '') =>
  `| ${a.measurement.name}${suffix} | ${f(a.measurement.p50)} | ${f(a.measurement.p95)} | ${f(a.measurement.throughput)} | ${a.accepted} | ${a.stored} | ${lost(a)} | ${a.cpuMsPerAnswer.toFixed(3)} | ${a.postgresCpuMsPerAnswer?.toFixed(3) ?? '—'} | ${a.loadCpuMsPerAnswer.toFixed(3)} | ${pgbench} | ${ratio} |`;

export function report(options: { scale: string; seed: number }, r: BenchReport): string {
  const rates = judgeSweep(r.sweep);
  // The goal is judged on the exports after the first (tar is timed after a warm-up too) and the higher peak.
  const archiveRatio = r.archive.again.exportMbPerS / r.archive.tarMbPerS;
  const archivePeakMb = Math.max(r.archive.serverPeakRssMb, r.archive.again.serverPeakRssMb);
  const lines = [
    `# Bench — ${options.scale} scale (seed ${options.seed}), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Data: ${Object.entries(r.volumes)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ')}.`,
    `PostgreSQL ${r.postgres.server_version} on the same machine (fsync=${r.postgres.fsync}, synchronous_commit=${r.postgres.synchronous_commit}); the server runs as its own Node process; load over loopback.`,
    '',
    `Machine: ${cpus().length} cores, 1-minute load average ${r.load[0].toFixed(1)} before and ${r.load[1].toFixed(1)} after the run.`,
    '',
    '## Reads (office.admin of the city, 4 concurrent clients)',
    '',
    '| figure | calls | p50 ms | p95 ms | p99 ms | req/s | raw SQL p50 ms | raw SQL p95 ms | statements | API / raw (p95) | goal |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.reads.map((x) => {
      const goal = GOALS.find(([prefix]) => x.api.name.startsWith(prefix))?.[1](x) ?? '—';
      const ratio = x.raw.p95 > 0 ? `${(x.api.p95 / x.raw.p95).toFixed(2)}×` : '—';
      const errors = x.api.errors ? ` (${x.api.errors} errors)` : '';
      return `| ${x.api.name}${errors} | ${x.api.requests} | ${f(x.api.p50)} | ${f(x.api.p95)} | ${f(x.api.p99)} | ${f(x.api.throughput)} | ${f(x.raw.p50)} | ${f(x.raw.p95)} | ${x.statements} | ${ratio} | ${goal} |`;
    }),
    '',
    '"raw SQL" replays the statements the procedure ran (captured once in-process) in one transaction on a plain connection, under the same row-level security scope: API / raw is what HTTP, tRPC, the session, authorization and JSON add. API and raw alternate in six rounds of 100 calls a side, pooled (600 calls each); the first round follows 30 untimed calls, the others 5. The API is called over keep-alive connections, one per client, each request written and read by hand, like a browser tab does with its native client: fetch() costs these shared cores about as much per request as the server does, and would be counted against it.',
    '',
    `analytics.trend of the city office, one call each after an untimed one: ${r.trend.map((x) => `by ${x.interval} ${(x.ms / 1000).toFixed(1)} s`).join(', ')} (every period read as it stood at its end).`,
    '',
    '## Public survey answers (a different address each)',
    '',
    '| figure | p50 ms | p95 ms | answers/s | accepted | stored | lost | CPU ms per answer: server | Postgres | load generator | pgbench tps, as many clients | answers ÷ pgbench |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.sweep.map(({ answers, pgbenchTps }) =>
      answerRow(
        answers,
        pgbenchTps === null ? 'unavailable' : f(pgbenchTps),
        pgbenchTps === null ? '—' : (answers.measurement.throughput / pgbenchTps).toFixed(2),
      ),
    ),
    answerRow(r.balancedAnswers, '', '', ' (16 respondents)'),
    '',
    "`POST /api/public/surveys/:token/answers`, as the survey page sends it, over keep-alive connections, each respondent sending its next answer once the last was accepted. Each number of respondents ran twice (two passes over the steps, the second in reverse order), each time beside pgbench's single-row INSERT with as many clients; the answer runs are pooled and pgbench's averaged. Server, Postgres and the load generator share the machine's cores (the balancer of the last run runs in the load generator).",
    '',
    rates.ratio === null
      ? 'pgbench not installed: no comparison'
      : `Each at its best: answers ${f(rates.bestAnswers.answers.measurement.throughput)}/s with ${rates.bestAnswers.clients} respondents, pgbench ${f(rates.bestPgbench!.pgbenchTps!)} tps with ${rates.bestPgbench!.clients} clients; answers/s ÷ pgbench = ${rates.ratio.toFixed(2)} — ${verdict(rates.ratio >= 0.5 && rates.lost === 0, 'goal ≥ 0.5, 0 lost')}`,
    '',
    "With few respondents the answers are bound by latency, not by the machine: each waits for the batch being committed and then its own, so answers/s stays near respondents ÷ (2 × one batch's round trip) however fast the rest is; more respondents at once fill each group commit. pgbench, one transaction per row on as many backends, gains little from more clients. docs/scaling.md has the measurements.",
    '',
    '## Archive export (整理装订) against tar of the same files',
    '',
    '| export | files | MB of files | export s | of which before the first byte | export MB/s | ZIP MB | tar s | tar MB/s | export ÷ tar | server peak RSS MB |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...(
      [
        ['first after the server started', r.archive],
        ['then (median of five, 10 s later, alternating with tar)', r.archive.again],
      ] as [string, ExportRun][]
    ).map(
      ([label, x]) =>
        `| ${label} | ${r.archive.files} | ${f(r.archive.fileMb)} | ${x.exportSeconds.toFixed(2)} | ${x.firstByteSeconds.toFixed(2)} | ${f(x.exportMbPerS)} | ${f(r.archive.zipMb)} | ${r.archive.tarSeconds.toFixed(2)} | ${f(r.archive.tarMbPerS)} | ${(x.exportMbPerS / r.archive.tarMbPerS).toFixed(2)} | ${f(x.serverPeakRssMb)} |`,
    ),
    '',
    `Downloaded over HTTP with ${r.archive.client === 'curl' ? 'curl, a native client as a browser is' : "Node's own HTTP client (no curl on this machine)"}, written to disk; tar writes its archive to disk too. Both read the stored files from the page cache.`,
    '',
    verdict(
      archiveRatio >= 0.5 && archivePeakMb <= 200,
      'goal ≥ 0.5× tar (median export against median tar), RSS ≤ 200 MB (all exports)',
    ),
    '',
    '## Scale-out: two instances behind a round-robin balancer (16 concurrent clients)',
    '',
    '| figure | p50 ms | p95 ms | req/s |',
    '|---|---|---|---|',
    ...[...r.scaleOut, r.balancedAnswers.measurement].map(
      (m) => `| ${m.name} | ${f(m.p50)} | ${f(m.p95)} | ${f(m.throughput)} |`,
    ),
    '',
    'A session created through instance 1 was accepted by instance 2; rate limits and sessions live in Postgres.',
    '',
    '## First load: JavaScript before an SPA renders',
    '',
    '| SPA | files | raw KB | gzip -9 KB | brotli KB (as served) | goal | stylesheets: raw KB | gzip -9 KB | brotli KB |',
    '|---|---|---|---|---|---|---|---|---|',
    ...Object.entries(r.firstLoad).map(([app, x]) =>
      x
        ? `| ${app} | ${x.files} | ${kb(x.rawBytes)} | ${kb(x.gzipBytes)} | ${kb(x.brotliBytes)} | ${verdict(x.gzipBytes <= 250_000, '≤ 250 KB gzip')} | ${kb(x.styles.rawBytes)} | ${kb(x.styles.gzipBytes)} | ${kb(x.styles.brotliBytes)} |`
        : `| ${app} | not built (pnpm build) | | | | | | | |`,
    ),
    '',
    "The entry script and every module its index.html preloads, each compressed on its own as it travels; routes, charts and Excel load on demand and are not counted. The stylesheets (antd's component styles, baked for the theme at build time) are outside the goal and shown beside it. KB = 1,000 bytes.",
    '',
    '## Server',
    '',
    `- started (existing database, no migrations to run) and answering /api/health in ${r.startedInMs} ms`,
    `- server RSS: ${f(r.idleRssMb)} MB once started (Node running the compiled server, all routers), peak ${f(r.loadRssMb)} MB under the read and answer load, peak ${f(archivePeakMb)} MB during the archive exports`,
    '',
  ];
  return lines.join('\n');
}
