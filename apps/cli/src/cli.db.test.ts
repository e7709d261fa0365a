import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@wenming/db';
import { createScratchDatabase } from '@wenming/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/cli.mjs', import.meta.url));
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;

/** Runs the real CLI as a user would, against a database of its own. */
function cli(args: string[], stdin?: string) {
  const { DATABASE_URL: _url, DATA_DIR: _dir, FILES_DIR: _files, ...rest } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...rest, ...scratch.env },
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  scratch = await createScratchDatabase();
});
afterAll(async () => {
  await scratch?.dispose();
});

describe('cli', () => {
  // Five CLI processes, each loading the API, and a demo seed: past 30 s on a busy CI machine.
  it('migrates, seeds the demo city once, and lists units as pure JSON', () => {
    expect(cli(['migrate'])).toMatchObject({ code: 0 });
    const seeded = cli(['seed', '--demo']);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/seeded 4 offices, 14 units, 8 users/);
    expect(cli(['seed', '--demo']).stdout).toMatch(/nothing seeded/);

    const listed = cli(['unit', 'list', '--json']);
    expect(listed.code).toBe(0);
    const units = JSON.parse(listed.stdout) as { code: string; level: string }[];
    expect(units).toHaveLength(14);
    expect(new Set(units.map((u) => u.level)).size).toBeGreaterThanOrEqual(5);

    const district = cli(['unit', 'list', '--office', 'DJ-JZ-YS']);
    expect(district.stdout).toMatch(/云山区人民法院/);
    expect(district.stdout).not.toMatch(/清河区税务局/);
  }, 120_000);

  it('creates an account with a password from stdin, and refuses bad input with a clear message', () => {
    const created = cli(
      [
        'user',
        'create',
        '--username',
        'qh.member',
        '--display-name',
        '刘芳',
        '--role',
        'unit_member',
        '--unit',
        'QH-SWJ',
        '--password-stdin',
        '--json',
      ],
      'a-good-password\n',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      username: 'qh.member',
      roles: [{ role: 'unit_member', unitName: '清河区税务局' }],
    });

    const again = cli([
      'user',
      'create',
      '--username',
      'qh.member',
      '--display-name',
      'x',
      '--role',
      'unit_member',
      '--unit',
      'QH-SWJ',
      '--password',
      'another-pass',
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already used/);

    const noUnit = cli([
      'user',
      'create',
      '--username',
      'nobody',
      '--display-name',
      'x',
      '--role',
      'unit_member',
      '--unit',
      'NOPE',
      '--password',
      'another-pass',
    ]);
    expect(noUnit).toMatchObject({ code: 1 });
    expect(noUnit.stderr).toMatch(/no unit with code NOPE/);

    const shortPassword = cli([
      'user',
      'create',
      '--username',
      'ok.name',
      '--display-name',
      'x',
      '--role',
      'analyst',
      '--office',
      'DJ-JZ',
      '--password',
      'short',
    ]);
    expect(shortPassword.code).toBe(1);
    expect(shortPassword.stderr).toMatch(/password/);
  });

  it('imports frameworks, refusing a broken one with every problem named, and shows them as JSON', () => {
    const file = fileURLToPath(
      new URL('../../../packages/api/src/seed/frameworks/national-unit-2012-trial.json', import.meta.url),
    );
    // The demo seed imported it already.
    expect(cli(['framework', 'import', file]).stdout).toMatch(
      /CN-NAT-UNIT-2012T v1: already imported, unchanged/,
    );
    const broken = JSON.parse(readFileSync(file, 'utf8'));
    broken.categories[2].points = 11;
    broken.totalPoints = 99;
    const dir = mkdtempSync(join(tmpdir(), 'wenming-fw-'));
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const refused = cli(['framework', 'import', join(dir, 'broken.json'), '--new-version']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('broken.json: categories[2].points: 11 ≠ 8, the sum of its indicators');
    expect(refused.stderr).toContain('broken.json: totalPoints: 99 ≠ 103');
    const copy = { ...JSON.parse(readFileSync(file, 'utf8')), code: 'XX-COPY-2026' };
    writeFileSync(join(dir, 'copy.json'), JSON.stringify(copy));
    expect(cli(['framework', 'import', join(dir, 'copy.json')]).stdout).toMatch(
      /XX-COPY-2026 v1: imported \(13 categories, 16 indicators, 100 points\)/,
    );
    rmSync(dir, { recursive: true });

    const listed = JSON.parse(cli(['framework', 'list', '--json']).stdout) as {
      code: string;
      version: number;
    }[];
    expect(listed.map((f) => `${f.code}@${f.version}`)).toContain('CN-NAT-UNIT-2012T@1');
    const shown = JSON.parse(cli(['framework', 'show', 'CN-NAT-UNIT-2012T', '--json']).stdout);
    expect(shown.stats).toEqual({ categories: 13, indicators: 16, vetoItems: 4, totalPoints: 100 });
    const { stats: _stats, ...asFile } = shown;
    expect(asFile).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(cli(['framework', 'show', 'NOPE']).stderr).toMatch(/no framework NOPE/);
  });

  it('verifies the ledger, and names the first broken event after tampering behind its back', async () => {
    const intact = cli(['ledger', 'verify']);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/checked 14 unit\(s\), \d+ event\(s\), \d+ file\(s\)\nledger intact/);

    const database = createDb({
      databaseUrl: scratch.env.DATABASE_URL,
      dataDir: scratch.env.DATA_DIR ? join(scratch.env.DATA_DIR, 'pglite') : undefined,
    });
    const unit = await database.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'QH-SWJ')
      .executeTakeFirstOrThrow();
    await sql`alter table evidence_events disable trigger evidence_events_append_only`.execute(database.db);
    await sql`update evidence_events set payload = replace(payload, '已归档', '已伪造') where unit_id = ${unit.id} and seq = 3`.execute(
      database.db,
    );
    await sql`alter table evidence_events enable trigger evidence_events_append_only`.execute(database.db);
    await database.close();

    const broken = cli(['ledger', 'verify', '--unit', 'QH-SWJ']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/QH-SWJ event 3: content was changed after it was recorded/);
    expect(broken.stderr).toMatch(/first broken at QH-SWJ event 3/);
    expect(cli(['ledger', 'verify', '--unit', 'YS-FY']).code).toBe(0);
  });

  it('checks the analytics rollups against their base tables, and rebuilds them when they drifted', async () => {
    expect(cli(['rollups', 'check'])).toMatchObject({
      code: 0,
      stdout: 'every rollup matches its base tables\n',
    });
    const database = createDb({
      databaseUrl: scratch.env.DATABASE_URL,
      dataDir: scratch.env.DATA_DIR ? join(scratch.env.DATA_DIR, 'pglite') : undefined,
    });
    await sql`update unit_rollups set fresh_items = fresh_items + 1
      where unit_id = (select id from units where code = 'QH-SWJ')`.execute(database.db);
    await database.close();
    const drifted = cli(['rollups', 'check']);
    expect(drifted.code).toBe(1);
    expect(drifted.stderr).toMatch(/freshness: 1 row\(s\) wrong or extra, 1 missing/);
    expect(cli(['rollups', 'refresh']).stdout).toMatch(/rollups rebuilt in/);
    expect(cli(['rollups', 'check']).code).toBe(0);
    // Four runs of the CLI, each opening the database: slow on a busy machine.
  }, 120_000);

  it('exports a unit ledger as a ZIP whose manifest lists every file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenming-export-'));
    const out = join(dir, 'ledger.zip');
    const result = cli(['ledger', 'export', '--unit', 'QH-SWJ', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/wrote .*ledger\.zip: \d+ files, \d+ bytes/);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(cli(['ledger', 'export', '--unit', 'NOPE', '--out', out]).stderr).toMatch(
      /no unit with code NOPE/,
    );
    rmSync(dir, { recursive: true });
  });

  it('answers unknown commands and options with usage help and a non-zero exit', () => {
    const unknown = cli(['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command/);
    expect(cli(['unit', 'list', '--level', 'galactic']).code).not.toBe(0);
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/migrate/);
  });
});
