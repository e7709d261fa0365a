import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { fileURLToPath } from 'node:url';

/** The server as `pnpm start` runs it in this checkout: compiled JavaScript, its own process. */
const SERVER_MAIN = fileURLToPath(new URL('../../../server/dist/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

let built = false;
/** Builds the server when its sources changed since the last build (turbo's cache), once per run. */
function buildServer() {
  if (built) return;
  const run = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@wenming/server', '--output-logs=errors-only'],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status !== 0) throw new Error('the server failed to build; see the messages above');
  built = true;
}

export interface Instance {
  url: string;
  pid: number;
  /** Resident memory now, in MB (Linux /proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

/** The kernel's resident set size of a process, in MB; 0 where /proc is not available. */
export function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) a process has used so far, in ms; 0 where /proc is not available. */
export function cpuMsOf(pid: number): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, counted after the command name's closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every 50 ms while `fn` runs; answers the peak. */
export async function peakRss<T>(pid: number, fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = rssOf(pid);
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, rssOf(pid));
  }, 50);
  try {
    const result = await fn();
    return { result, peakMb: Math.max(peakMb, rssOf(pid)) };
  } finally {
    clearInterval(timer);
  }
}

export async function startServer(options: {
  port: number;
  databaseUrl: string;
  readUrl?: string | undefined;
  filesDir: string;
  timeFromSpawn?: boolean;
}): Promise<Instance & { startedInMs: number }> {
  buildServer();
  const started = Date.now();
  // The same V8 setting as tooling/start.mjs.
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=8', SERVER_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      ...(options.readUrl ? { DATABASE_READ_URL: options.readUrl } : {}),
      FILES_DIR: options.filesDir,
      SEED_DEMO: 'false',
      // The bench varies X-Forwarded-For per answer: it measures the path, not one address's limit.
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // A bench stopped half-way must not leave servers behind.
  const orphan = () => child.kill();
  process.once('exit', orphan);
  const url = `http://127.0.0.1:${options.port}`;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server on port ${options.port} exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000)
      throw new Error(`server on port ${options.port} did not start in 60 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    startedInMs: Date.now() - started,
    rssMb: () => rssOf(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', orphan);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A tiny round-robin HTTP proxy on loopback: what a load balancer in front of several
 * instances does, enough to show the instances share nothing but Postgres.
 */
export async function balancer(port: number, targets: string[]) {
  let next = 0;
  const server = createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length]!);
    const upstream = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
