import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { type ZipEntry, zipArchive } from './archive-zip';

const dir = mkdtempSync(join(tmpdir(), 'wenming-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const date = { year: 2027, month: 1, day: 1 };

interface Unzipped {
  bytes: Buffer;
  crc32: number;
}

/** Every entry as a strict reader sees it: names, bytes and the CRC the archive declares. */
function unzip(zip: Buffer): Promise<Map<string, Unzipped>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Unzipped>();
    yauzl.fromBuffer(zip, { lazyEntries: true, strictFileNames: true }, (err, file) => {
      if (err || !file) return reject(err);
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          buffer(stream).then((bytes) => {
            out.set(entry.fileName, { bytes, crc32: entry.crc32 });
            file.readEntry();
          }, reject);
        });
      });
      file.on('end', () => resolve(out));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

/** Info-ZIP's own check (CRCs, sizes, structure) where the machine has it. */
function unzipTest(zip: Buffer): string | undefined {
  const path = join(dir, `${randomBytes(4).toString('hex')}.zip`);
  writeFileSync(path, zip);
  const run = spawnSync('unzip', ['-tq', path], { encoding: 'utf8' });
  if (run.error) return undefined;
  return run.stdout + run.stderr;
}

const chunked = (data: Buffer, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(data.length / size) }, (_, i) => data.subarray(i * size, (i + 1) * size)),
  );

describe('zipArchive', () => {
  it('writes exactly the announced size, and every file comes back byte for byte with its CRC', async () => {
    const small = randomBytes(70_000);
    const text = Buffer.from(
      JSON.stringify({ files: Array.from({ length: 500 }, (_, i) => ({ path: `台账/${i}` })) }),
    );
    const big = randomBytes(5 * 1024 * 1024 + 17); // above the whole-file limit: streamed with a data descriptor
    const files: [ZipEntry, Buffer][] = [
      [{ path: '台账/00-目录.html', bytes: 6, data: Buffer.from('<html>') }, Buffer.from('<html>')],
      [{ path: '台账/manifest.json', bytes: text.length, data: text, compress: true }, text],
      [{ path: '台账/空文件.txt', bytes: 0, data: { open: async () => Readable.from([]) } }, Buffer.alloc(0)],
      [
        {
          path: '台账/01-A 组织/001-照片.jpg',
          bytes: small.length,
          data: { open: async () => chunked(small, 1000) },
        },
        small,
      ],
      [
        {
          path: '台账/01-A 组织/002-通知.pdf',
          bytes: small.length,
          data: { open: async () => chunked(small, 1), read: async () => small },
        },
        small,
      ],
      [
        { path: '台账/02-B/视频.mp4', bytes: big.length, data: { open: async () => chunked(big, 65_536) } },
        big,
      ],
    ];
    const zip = zipArchive(
      files.map(([e]) => e),
      { date, readAheadBytes: 100_000 },
    );
    const bytes = await buffer(zip.stream);
    expect(bytes.length).toBe(zip.size);

    const entries = await unzip(bytes);
    expect([...entries.keys()]).toEqual(files.map(([e]) => e.path));
    for (const [e, expected] of files) {
      const got = entries.get(e.path)!;
      expect(got.bytes.equals(expected), e.path).toBe(true);
      expect(got.crc32, e.path).toBe(crc32(expected));
    }
    // The text was deflated: the archive is smaller than what it holds.
    expect(zip.size).toBeLessThan(files.reduce((n, [, b]) => n + b.length, 0));
    const check = unzipTest(bytes);
    if (check !== undefined) expect(check).toContain('No errors detected');
  });

  it('switches to ZIP64 records past 65,535 entries and stays readable', async () => {
    const many = Array.from({ length: 65_540 }, (_, i) => ({
      path: `f/${i}.txt`,
      bytes: String(i).length,
      data: Buffer.from(String(i)),
    }));
    const zip = zipArchive(many, { date });
    const bytes = await buffer(zip.stream);
    expect(bytes.length).toBe(zip.size);
    const entries = await unzip(bytes);
    expect(entries.size).toBe(many.length);
    expect(entries.get('f/65539.txt')!.bytes.toString()).toBe('65539');
  }, 30_000);

  it('reads local files straight into its batches, and writeTo reuses a batch only once it was sent', async () => {
    // 9 MB of files of 7 KB to 300 KB: several batches, files straddling their ends.
    const files = Array.from({ length: 60 }, (_, i) => randomBytes(7_000 + ((i * 37_123) % 300_000)));
    const entries: ZipEntry[] = files.map((bytes, i) => ({
      path: `台账/${String(i).padStart(3, '0')}.jpg`,
      bytes: bytes.length,
      data: {
        open: () => Promise.reject(new Error('read whole, never streamed')),
        readInto: (target: Buffer) => bytes.copy(target),
      },
    }));
    const streamed = await buffer(zipArchive(entries, { date }).stream);

    // A socket hands each piece to the kernel later, and accepts more before (it buffers up to
    // its high-water mark): the copy is taken only when it says the piece was sent.
    const sent: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 8 * 1024 * 1024,
      write(chunk: Buffer, _encoding, done) {
        setTimeout(() => {
          sent.push(Buffer.from(chunk));
          done();
        }, 1);
      },
    });
    const zip = zipArchive(entries, { date });
    await zip.writeTo(slow);
    await new Promise((sentAll) => slow.end(sentAll));
    const written = Buffer.concat(sent);
    expect(written.length).toBe(zip.size);
    expect(written.equals(streamed)).toBe(true);
    const unzipped = await unzip(written);
    files.forEach((bytes, i) => {
      const got = unzipped.get(`台账/${String(i).padStart(3, '0')}.jpg`)!;
      expect(got.bytes.equals(bytes)).toBe(true);
      expect(got.crc32).toBe(crc32(bytes));
    });
  });

  it('stops writing when the download is closed half-way', async () => {
    const big = randomBytes(3 * 1024 * 1024);
    const entries = [0, 1, 2].map((i) => ({
      path: `${i}.bin`,
      bytes: big.length,
      data: { open: async () => Readable.from([big]), readInto: (t: Buffer) => big.copy(t) },
    }));
    let writes = 0;
    const out = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, done) {
        if (++writes === 2) out.destroy();
        else setImmediate(done);
      },
    });
    await expect(zipArchive(entries, { date }).writeTo(out)).rejects.toThrow('the download was closed');
    expect(writes).toBe(2);
  });

  it('fails the download when a local file is shorter than recorded', async () => {
    const zip = zipArchive(
      [{ path: 'a.pdf', bytes: 10, data: { open: async () => Readable.from([]), readInto: () => 5 } }],
      { date },
    );
    await expect(buffer(zip.stream)).rejects.toThrow('a.pdf: expected 10 bytes, the store gave 5');
  });

  it('fails the download instead of writing a damaged archive when a file is shorter than recorded', async () => {
    const zip = zipArchive(
      [{ path: 'a.pdf', bytes: 10, data: { open: async () => Readable.from([Buffer.from('short')]) } }],
      { date },
    );
    await expect(buffer(zip.stream)).rejects.toThrow('a.pdf: expected 10 bytes, the store gave 5');
  });

  it('fails the download when the store cannot open a file', async () => {
    const zip = zipArchive(
      [
        { path: 'ok.txt', bytes: 2, data: Buffer.from('ok') },
        { path: 'gone.jpg', bytes: 3, data: { open: () => Promise.reject(new Error('no such file')) } },
      ],
      { date },
    );
    await expect(buffer(zip.stream)).rejects.toThrow('no such file');
  });
});
