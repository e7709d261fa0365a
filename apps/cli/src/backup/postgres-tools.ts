import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CliError } from '../errors';

/**
 * Runs pg_dump / pg_restore (PostgreSQL's own client tools, so a backup is an ordinary
 * custom-format dump any DBA can restore by hand). The password travels in PGPASSWORD,
 * never on the command line where `ps` would show it.
 */
export async function runPgTool(
  tool: 'pg_dump' | 'pg_restore',
  databaseUrl: string,
  args: string[],
  pgBin: string | undefined,
): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const command = pgBin ? join(pgBin, tool) : tool;
  const child = spawn(command, [...args, `--dbname=${url.toString()}`], {
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new CliError(
              `${tool} was not found: install the PostgreSQL client tools (the server's major version or newer) or set PG_BIN to their directory`,
            )
          : error,
      ),
    );
    child.once('close', resolve);
  });
  if (code !== 0) throw new CliError(`${tool} failed (exit ${code}): ${stderr.trim()}`);
}
