import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createDb } from './create-db';
import { migrateToLatest } from './migrate';
import { cachedDir, fillFromTemplate, pgliteSchemaKey } from './pglite-template';

const root = mkdtempSync(join(tmpdir(), 'wenming-template-'));
const cache = join(root, 'cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function officeCodes(dataDir: string): Promise<{ applied: string[]; codes: string[] }> {
  const database = createDb({ dataDir });
  try {
    const applied = await migrateToLatest(database.db);
    const rows = await database.db.selectFrom('offices').select('code').orderBy('code').execute();
    return { applied, codes: rows.map((r) => r.code) };
  } finally {
    await database.close();
  }
}

// initdb and every migration in WebAssembly: slow on a busy machine.
it('gives empty data directories a migrated cluster, made once and then copied', {
  timeout: 180_000,
}, async () => {
  mkdirSync(join(cache, 'pglite-0000000000000000'), { recursive: true });
  const entry = join(cache, `pglite-${pgliteSchemaKey()}`);

  expect(await fillFromTemplate(join(root, 'a', 'pglite'), cache)).toBe(true);
  // The entry of another PGlite or other migrations is gone.
  expect(readdirSync(cache)).toEqual([`pglite-${pgliteSchemaKey()}`]);
  const made = statSync(join(entry, 'PG_VERSION')).mtimeMs;

  mkdirSync(join(root, 'b'));
  expect(await fillFromTemplate(join(root, 'b'), cache)).toBe(true);
  expect(statSync(join(entry, 'PG_VERSION')).mtimeMs).toBe(made);

  // Nothing left to migrate, and the copies are databases of their own.
  const a = createDb({ dataDir: join(root, 'a', 'pglite') });
  await a.db.insertInto('offices').values({ code: 'A', name: '甲', level: 'province' }).execute();
  await a.close();
  expect(await officeCodes(join(root, 'a', 'pglite'))).toEqual({ applied: [], codes: ['A'] });
  expect(await officeCodes(join(root, 'b'))).toEqual({ applied: [], codes: [] });
  expect(await officeCodes(entry)).toEqual({ applied: [], codes: [] });
});

it('leaves a data directory that holds anything alone', async () => {
  const dir = join(root, 'c');
  mkdirSync(dir);
  writeFileSync(join(dir, 'note.txt'), 'mine');
  expect(await fillFromTemplate(dir, cache)).toBe(false);
  expect(readdirSync(dir)).toEqual(['note.txt']);
});

it('hands two makers at once the one entry, and a failed one leaves nothing behind', async () => {
  const made: string[] = [];
  const build = async (dir: string) => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    mkdirSync(dir);
    writeFileSync(join(dir, 'who'), String(made.push(dir)));
  };
  const [first, second] = await Promise.all([
    cachedDir(cache, 'thing-1', 'thing-', build),
    cachedDir(cache, 'thing-1', 'thing-', build),
  ]);
  expect(first).toBe(second);
  expect(made).toHaveLength(2);
  await expect(
    cachedDir(cache, 'thing-2', 'thing-', async (dir) => {
      mkdirSync(dir);
      throw new Error('disk full');
    }),
  ).rejects.toThrow('disk full');
  expect(existsSync(join(cache, 'thing-1'))).toBe(true);
  expect(readdirSync(cache).filter((e) => e.startsWith('.tmp') || e === 'thing-2')).toEqual([]);
});
