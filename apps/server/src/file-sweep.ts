import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '@wenming/db';
import { type BlobStore, LocalDiskStore, SHA256 } from '@wenming/storage';

/**
 * What a crash can leave in the local file store: half-streamed uploads in `tmp/`, and an
 * object renamed into place whose `files` row was never committed (killed in between).
 * Both are unreachable — every read goes through a committed row — so they are removed at
 * start. `graceMs` spares files young enough to belong to an upload another server
 * process is still running (several servers may share one PostgreSQL and files directory).
 */
export async function sweepOrphanFiles(
  database: Database,
  store: BlobStore,
  graceMs: number,
  now = Date.now(),
): Promise<{ staged: number; orphans: number }> {
  if (!(store instanceof LocalDiskStore)) return { staged: 0, orphans: 0 };
  // With no grace, everything goes: mtime can run a fraction of a millisecond ahead of `now`.
  const old = async (path: string) => graceMs === 0 || now - (await stat(path)).mtimeMs >= graceMs;

  let staged = 0;
  for (const name of await list(join(store.root, 'tmp'))) {
    const path = join(store.root, 'tmp', name);
    if (await old(path)) {
      await rm(path, { force: true });
      staged++;
    }
  }

  let orphans = 0;
  const objects = join(store.root, 'objects');
  for (const a of await list(objects)) {
    for (const b of await list(join(objects, a))) {
      const names = (await list(join(objects, a, b))).filter((n) => SHA256.test(n));
      if (names.length === 0) continue;
      const known = new Set(
        (await database.db.selectFrom('files').select('sha256').where('sha256', 'in', names).execute()).map(
          (r) => r.sha256,
        ),
      );
      for (const name of names) {
        const path = join(objects, a, b, name);
        if (!known.has(name) && (await old(path))) {
          await rm(path, { force: true });
          orphans++;
        }
      }
    }
  }
  return { staged, orphans };
}

async function list(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
