import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { useTestDb } from '@wenming/db/testing';
import { LocalDiskStore, SAMPLE_PNG, samplePdf } from '@wenming/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepOrphanFiles } from './file-sweep';

const t = useTestDb();
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wenming-sweep-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What a kill leaves: a recorded file, an object whose row never committed, a half-streamed upload. */
async function crashLeftovers() {
  const store = new LocalDiskStore(root);
  const kept = await store.put(Readable.from([SAMPLE_PNG]), { maxBytes: 1 << 20 });
  await t.db
    .insertInto('files')
    .values({ sha256: kept.sha256, bytes: kept.bytes, mime: kept.mime })
    .execute();
  const orphan = await store.put(Readable.from([samplePdf('never recorded')]), { maxBytes: 1 << 20 });
  mkdirSync(join(root, 'tmp'), { recursive: true });
  writeFileSync(join(root, 'tmp', 'half-an-upload'), 'partial');
  return { store, kept: kept.sha256, orphan: orphan.sha256 };
}

describe('sweeping the file store at start', () => {
  it('removes unrecorded objects and half-streamed uploads, and keeps every recorded file', async () => {
    const { store, kept, orphan } = await crashLeftovers();
    const database = { ...t.database, db: t.db };
    expect(await sweepOrphanFiles(database, store, 0)).toEqual({ staged: 1, orphans: 1 });
    expect(await store.verify(kept)).toBe(true);
    expect(await store.size(orphan)).toBeNull();
    expect(existsSync(join(root, 'tmp', 'half-an-upload'))).toBe(false);
  });

  it('spares files young enough to belong to an upload another server is still running', async () => {
    const { store, orphan } = await crashLeftovers();
    const database = { ...t.database, db: t.db };
    expect(await sweepOrphanFiles(database, store, 60 * 60_000)).toEqual({ staged: 0, orphans: 0 });
    expect(await store.size(orphan)).not.toBeNull();
  });
});
