import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const serverDir = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildServer {
  base: string;
  process: ChildProcess;
  /** Every line the server logged, stdout and stderr. */
  log: string[];
  /** SIGTERM and wait: the graceful path. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies mid-write, as in a power cut or an OOM kill. */
  kill(): Promise<void>;
}

/**
 * The real server entry point as its own process (`node --import tsx src/main.ts`, or a
 * built `main.js`), on a free loopback port, with the given environment on top of the caller's.
 */
export async function startChildServer(
  env: Record<string, string>,
  options: { built?: string } = {},
): Promise<ChildServer> {
  const { DATABASE_URL: _u, DATA_DIR: _d, FILES_DIR: _f, PORT: _p, LOG_LEVEL: _l, ...rest } = process.env;
  const args = options.built ? [options.built] : ['--import', 'tsx', main];
  const child = spawn(process.execPath, args, {
    cwd: serverDir,
    // Info level: the "Server listening at" line is how the port chosen by the OS is learnt.
    env: { ...rest, HOST: '127.0.0.1', PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log.join('')}`)), 120_000);
    let pending = '';
    const onData = (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        log.push(`${line}\n`);
        const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening:\n${log.join('')}`));
    });
  });
  return {
    base,
    process: child,
    log,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
