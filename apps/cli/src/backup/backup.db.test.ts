import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase } from '@wenming/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, openDatabase } from './source';

const bin = fileURLToPath(new URL('../../bin/cli.mjs', import.meta.url));
type Scratch = Awaited<ReturnType<typeof createScratchDatabase>>;
let source: Scratch;
let target: Scratch;

/** The real CLI as an operator runs it, against one scratch database and its files. */
function cli(scratch: Scratch, args: string[]) {
  const { DATABASE_URL: _url, DATA_DIR: _dir, FILES_DIR: _files, ...rest } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...rest, ...scratch.env },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Row counts of every table and each unit's ledger chain, read straight from the database. */
async function snapshot(scratch: Scratch) {
  const opened = openDatabase({ databaseUrl: scratch.env.DATABASE_URL, dataDir: scratch.env.DATA_DIR ?? '' });
  try {
    const chains = await opened.db
      .selectFrom('evidence_events')
      .select(['unit_id', 'seq', 'prev_hash', 'hash'])
      .orderBy('unit_id')
      .orderBy('seq')
      .execute();
    return { rows: await countRows(opened.db), chains };
  } finally {
    await opened.close();
  }
}

beforeAll(async () => {
  source = await createScratchDatabase();
  target = await createScratchDatabase();
});
afterAll(async () => {
  await source?.dispose();
  await target?.dispose();
});

describe('backup and restore', () => {
  it('round-trips the demo city into an empty target: same rows, same ledger hashes, files included', async () => {
    expect(cli(source, ['seed', '--demo'])).toMatchObject({ code: 0 });
    const archive = join(source.env.FILES_DIR, '..', 'backup.zip');
    const made = cli(source, ['backup', '--out', archive]);
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(
      /wrote .*backup\.zip: (pglite|postgres) database \(\d+ tables, \d+ rows\), [1-9]\d* files/,
    );

    const restored = cli(target, ['restore', archive]);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/every row count matches/);

    const verified = cli(target, ['ledger', 'verify']);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(
      /checked 14 unit\(s\), [1-9]\d* event\(s\), [1-9]\d* file\(s\)\nledger intact/,
    );

    const [before, after] = [await snapshot(source), await snapshot(target)];
    expect(after.rows).toEqual(before.rows);
    expect(before.rows.evidence_events).toBeGreaterThan(0);
    expect(after.chains).toEqual(before.chains);

    // Restoring over live data is refused, and the data stays as it was.
    const again = cli(target, ['restore', archive]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/restore only into an empty/);
    expect((await snapshot(target)).rows).toEqual(before.rows);
  }, 120_000);

  it('refuses a file that is not a backup, saying so', () => {
    const junk = join(target.env.FILES_DIR, '..', 'junk.zip');
    writeFileSync(junk, 'MZ not a zip at all');
    const result = cli(target, ['restore', junk]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/junk\.zip is not a Wenming backup/);
    rmSync(junk);
    expect(cli(target, ['backup'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/--out/) });
  });
});
