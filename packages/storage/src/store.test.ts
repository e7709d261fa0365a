import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { AwsClient } from 'aws4fetch';
import S3rver from 's3rver';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskStore } from './local-disk';
import { sanitizeFileName } from './names';
import { S3Store } from './s3';
import type { BlobStore } from './store';
import { SAMPLE_PNG, samplePdf } from './testing';

/**
 * One contract, two stores: local disk, and an S3-compatible bucket served over real HTTP
 * on loopback (s3rver). "Nothing left behind" is checked where each keeps its bytes.
 */
let s3: S3rver;
let s3Endpoint: string;
const bucketDir = mkdtempSync(join(tmpdir(), 'wenming-s3-'));
beforeAll(async () => {
  s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: bucketDir,
    configureBuckets: [{ name: 'wenming', configs: [] }],
  });
  const { port } = await s3.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3?.close();
  rmSync(bucketDir, { recursive: true, force: true });
});

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wenming-store-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const filesUnder = (dir: string): string[] => {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MB = 1024 * 1024;

interface Kind {
  make(): BlobStore;
  /** Every stored object, wherever the store keeps them. */
  objects(): string[];
  /** Replaces an object's bytes behind the platform's back. */
  tamper(sha256: string, bytes: Buffer): Promise<void>;
}

const kinds: [string, Kind][] = [
  [
    'local disk',
    {
      make: () => new LocalDiskStore(root),
      objects: () => filesUnder(join(root, 'objects')),
      tamper: async (sha256, bytes) =>
        writeFileSync(join(root, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256), bytes),
    },
  ],
  [
    'S3-compatible bucket',
    {
      make: () =>
        new S3Store({
          endpoint: s3Endpoint,
          bucket: 'wenming',
          region: 'us-east-1',
          accessKeyId: 'S3RVER',
          secretAccessKey: 'S3RVER',
          stagingDir: join(root, 'tmp'),
        }),
      objects: () => filesUnder(bucketDir).filter((f) => f.endsWith('._S3rver_object')),
      tamper: async (sha256, bytes) => {
        const client = new AwsClient({
          accessKeyId: 'S3RVER',
          secretAccessKey: 'S3RVER',
          region: 'us-east-1',
          service: 's3',
        });
        const res = await client.fetch(`${s3Endpoint}/wenming/objects/${sha256.slice(0, 2)}/${sha256}`, {
          method: 'PUT',
          body: bytes,
        });
        expect(res.ok).toBe(true);
      },
    },
  ],
];

describe.each(kinds)('%s', (_name, kind) => {
  let store: BlobStore;
  let before: number;
  beforeEach(() => {
    store = kind.make();
    before = kind.objects().length;
  });
  const added = () => kind.objects().length - before;

  it('stores a file under its sha256, typed by content, and streams it back', async () => {
    const pdf = samplePdf(`minutes ${root}`);
    const blob = await store.put(Readable.from([pdf.subarray(0, 10), pdf.subarray(10)]), { maxBytes: MB });
    expect(blob).toEqual({ sha256: sha(pdf), bytes: pdf.length, mime: 'application/pdf', ext: 'pdf' });
    expect(await text(await store.open(blob.sha256))).toBe(pdf.toString('latin1'));
    expect(await store.size(blob.sha256)).toBe(pdf.length);
    expect(filesUnder(join(root, 'tmp'))).toEqual([]);
  });

  it('keeps identical files once', async () => {
    const bytes = samplePdf(`same ${root}`);
    const a = await store.put(Readable.from([bytes]), { maxBytes: MB });
    const b = await store.put(Readable.from([Buffer.from(bytes)]), { maxBytes: MB });
    expect(b.sha256).toBe(a.sha256);
    expect(added()).toBe(1);
  });

  it('refuses an oversize stream midway and keeps nothing of it', async () => {
    const big = (async function* () {
      for (let i = 0; i < 5; i++) yield Buffer.alloc(300 * 1024, 65);
    })();
    await expect(store.put(big, { maxBytes: MB })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(filesUnder(join(root, 'tmp'))).toEqual([]);
    expect(added()).toBe(0);
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
    expect(filesUnder(join(root, 'tmp'))).toEqual([]);
    expect(added()).toBe(0);
  });

  it('leaves nothing behind when the upload is interrupted', async () => {
    const broken = new Readable({
      read() {
        this.push(samplePdf('half'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put(broken, { maxBytes: MB })).rejects.toThrow(/connection reset/);
    expect(filesUnder(join(root, 'tmp'))).toEqual([]);
    expect(added()).toBe(0);
  });

  it('notices bytes changed behind its back', async () => {
    const blob = await store.put(Readable.from([SAMPLE_PNG]), { maxBytes: MB });
    expect(await store.verify(blob.sha256)).toBe(true);
    await kind.tamper(blob.sha256, samplePdf('forged'));
    expect(await store.verify(blob.sha256)).toBe(false);
  });

  it('answers NOT_FOUND for unknown or malformed names, never a path outside its root', async () => {
    await expect(store.open('0'.repeat(64))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.open('../../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await store.size('1'.repeat(64))).toBeNull();
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

describe('local disk: readInto', () => {
  it('reads a stored file straight into a buffer, and answers NOT_FOUND for a missing one', async () => {
    const store = new LocalDiskStore(root);
    const pdf = samplePdf(`read into ${root}`);
    const blob = await store.put(Readable.from([pdf]), { maxBytes: MB });
    const target = Buffer.alloc(pdf.length + 8, 7);
    expect(store.readInto(blob.sha256, target.subarray(4, 4 + pdf.length))).toBe(pdf.length);
    expect(target.subarray(4, 4 + pdf.length).equals(pdf)).toBe(true);
    // Neighbouring bytes of the target are left alone.
    expect([...target.subarray(0, 4), ...target.subarray(4 + pdf.length)]).toEqual(Array(8).fill(7));
    // A file shorter than recorded answers how many bytes there were.
    expect(store.readInto(blob.sha256, Buffer.alloc(pdf.length + 100))).toBe(pdf.length);
    expect(() => store.readInto('0'.repeat(64), Buffer.alloc(1))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => store.readInto('../../etc/passwd', Buffer.alloc(1))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
