import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase } from '@wenming/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ChildServer, startChildServer } from './testing/child-server';
import { client } from './testing/http-client';

/**
 * `pnpm start` runs the bundle (build.mjs), not the TypeScript sources: the same server must
 * come out of it, including what the bundle could lose — files found next to a source module
 * (the demo frameworks) and libraries loaded only when an export first needs them.
 */
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'wenming-build-'));
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let server: ChildServer | undefined;

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['build.mjs', '--outdir', out], {
    cwd: serverDir,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build.mjs failed:\n${build.stdout}${build.stderr}`);
  scratch = await createScratchDatabase();
  server = await startChildServer({ ...scratch.env, SEED_DEMO: 'true' }, { built: join(out, 'main.js') });
}, 240_000);
afterAll(async () => {
  await server?.stop();
  await scratch?.dispose();
  rmSync(out, { recursive: true, force: true });
});

it('the built server seeds the demo city and serves sign-in, the ledger archive and a workbook export', async () => {
  const base = server!.base;
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'unit.admin.1', password: 'wenming-demo' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const unit = client(base, cookie);
  const campaigns = await unit.query<{ items: { id: string }[] }>('campaign.list', {});
  const campaignId = campaigns.data!.items[0]!.id;
  const download = async (path: string) => {
    const res = await fetch(`${base}/api/download/${path}`, { headers: { cookie } });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: Buffer.from(await res.arrayBuffer()),
    };
  };

  const zip = await download(`ledger.zip?campaignId=${campaignId}`);
  expect(zip.status).toBe(200);
  expect(zip.body.subarray(0, 2).toString()).toBe('PK');
  // A workbook export loads its library on first use.
  const tasks = await download(`tasks.xlsx?campaignId=${campaignId}`);
  expect(tasks.status).toBe(200);
  expect(tasks.type).toContain('spreadsheetml');
  expect(tasks.body.subarray(0, 2).toString()).toBe('PK');
}, 120_000);
