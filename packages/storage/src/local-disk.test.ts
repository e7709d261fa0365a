import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskStore } from './local-disk';
import { sanitizeFileName } from './names';
import { SAMPLE_PNG, samplePdf } from './testing';

let root: string;
let store: LocalDiskStore;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wenming-store-'));
  store = new LocalDiskStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const files = (dir: string): string[] => {
  try {
    return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return [];
  }
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MB = 1024 * 1024;

describe('LocalDiskStore', () => {
  it('stores a file under its sha256, typed by content, and streams it back', async () => {
    const pdf = samplePdf('meeting minutes');
    const blob = await store.put(Readable.from([pdf.subarray(0, 10), pdf.subarray(10)]), { maxBytes: MB });
    expect(blob).toEqual({ sha256: sha(pdf), bytes: pdf.length, mime: 'application/pdf', ext: 'pdf' });
    expect(await text(await store.open(blob.sha256))).toBe(pdf.toString('latin1'));
    expect(await store.size(blob.sha256)).toBe(pdf.length);
    expect(files('tmp')).toEqual([]);
  });

  it('keeps identical files once', async () => {
    const a = await store.put(Readable.from([SAMPLE_PNG]), { maxBytes: MB });
    const b = await store.put(Readable.from([Buffer.from(SAMPLE_PNG)]), { maxBytes: MB });
    expect(b.sha256).toBe(a.sha256);
    expect(files('objects')).toEqual([a.sha256]);
    expect(a.mime).toBe('image/png');
  });

  it('refuses an oversize stream midway and keeps nothing of it', async () => {
    const big = (async function* () {
      for (let i = 0; i < 5; i++) yield Buffer.alloc(300 * 1024, 65);
    })();
    await expect(store.put(big, { maxBytes: MB })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(files('tmp')).toEqual([]);
    expect(files('objects')).toEqual([]);
  });

  it('refuses empty files and executables whatever their name says', async () => {
    await expect(store.put(Readable.from([]), { maxBytes: MB })).rejects.toMatchObject({
      code: 'FILE_EMPTY',
    });
    const exe = Buffer.concat([
      Buffer.from('MZ'),
      Buffer.alloc(62),
      Buffer.from('PE\0\0'),
      Buffer.alloc(200, 1),
    ]);
    exe.writeUInt32LE(64, 60);
    await expect(store.put(Readable.from([exe]), { maxBytes: MB })).rejects.toMatchObject({
      code: 'FILE_TYPE_REFUSED',
    });
    expect(files('tmp')).toEqual([]);
    expect(files('objects')).toEqual([]);
  });

  it('leaves nothing behind when the upload is interrupted', async () => {
    const broken = new Readable({
      read() {
        this.push(samplePdf('half'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put(broken, { maxBytes: MB })).rejects.toThrow(/connection reset/);
    expect(files('tmp')).toEqual([]);
    expect(files('objects')).toEqual([]);
  });

  it('notices bytes changed behind its back', async () => {
    const blob = await store.put(Readable.from([samplePdf('original')]), { maxBytes: MB });
    expect(await store.verify(blob.sha256)).toBe(true);
    const path = join(root, 'objects', blob.sha256.slice(0, 2), blob.sha256.slice(2, 4), blob.sha256);
    writeFileSync(path, samplePdf('forged'));
    expect(await store.verify(blob.sha256)).toBe(false);
  });

  it('answers NOT_FOUND for unknown or malformed names, never a path outside its root', async () => {
    await expect(store.open('0'.repeat(64))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.open('../../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('sanitizeFileName', () => {
  it('keeps names readable and harmless', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\a\\会议纪要 2026.pdf')).toBe('会议纪要 2026.pdf');
    expect(sanitizeFileName('..\u0000hidden')).toBe('_hidden');
    expect(sanitizeFileName('   ')).toBe('file');
    const long = sanitizeFileName(`${'长'.repeat(200)}.docx`);
    expect(long.length).toBe(120);
    expect(long.endsWith('.docx')).toBe(true);
  });
});
