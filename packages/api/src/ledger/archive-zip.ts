import { Readable, type Writable } from 'node:stream';
import * as zlib from 'node:zlib';

/** One file of an archive: bytes already in memory, or a source read when the writer gets near it. */
export interface ZipEntry {
  /** Path inside the archive, '/'-separated, UTF-8. */
  path: string;
  bytes: number;
  data: Buffer | FileSource;
  /** Deflate it (bytes in memory only): for text such as an index, not for photos and PDFs. */
  compress?: boolean;
}

export interface FileSource {
  open(): Promise<Readable>;
  /** Reads the bytes whole, where that is cheaper than a stream (a remote file of known size). */
  read?(): Promise<Buffer>;
  /**
   * Reads the bytes straight into `target` (exactly the file's size) and answers how many there
   * were: a local file in the page cache, where one blocking read costs microseconds and an
   * asynchronous open, read and close cost far more in round trips than in copying.
   */
  readInto?(target: Buffer): number;
}

export interface ZipOptions {
  /** Written as every entry's modification date (ZIP dates are local calendar dates). */
  date: { year: number; month: number; day: number };
  /** How many bytes of upcoming files may be read ahead while earlier ones are sent. */
  readAheadBytes?: number;
}

// Files up to this size are read whole (ahead, several at once) so their CRC goes in the local
// header; bigger ones are streamed and followed by a data descriptor.
const WHOLE_FILE_MAX = 4 * 1024 * 1024;
const READ_AHEAD_FILES = 64;
// Small files are sent in batches of about this size instead of one socket write per piece.
const BATCH_BYTES = 1024 * 1024;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const UTF8_NAMES = 1 << 11;
const DATA_DESCRIPTOR = 1 << 3;
// "made by" Unix, spec 4.5; files get mode 0644 when unpacked.
const MADE_BY = (3 << 8) | 45;
const FILE_MODE = (0o100644 << 16) >>> 0;

const crc32: (data: Uint8Array, value?: number) => number =
  typeof zlib.crc32 === 'function' ? zlib.crc32 : crc32Js;

const whole = (e: ZipEntry) => Buffer.isBuffer(e.data) || e.bytes <= WHOLE_FILE_MAX;
const zip64Entry = (e: ZipEntry) => e.bytes >= MAX32;

interface Layout {
  name: Buffer;
  offset: number;
  descriptor: boolean;
  /** The entry's data deflated, when that was asked for and made it smaller. */
  packed?: Buffer;
  /** Bytes of data in the archive: `packed`'s length, or the entry's own. */
  size: number;
}

export interface ZipArchive {
  /** Bytes of the whole archive, known before the first one is written. */
  size: number;
  /** The archive for any reader. */
  stream: Readable;
  /**
   * Writes the archive into `out` (without ending it), reusing a few batch buffers once `out`
   * has flushed them, so its buffers stay a few megabytes however large the ledger: for a socket. Rejects
   * when `out` closes or fails first.
   */
  writeTo(out: Writable): Promise<void>;
}

/**
 * A ZIP written as a stream with its exact size known before the first byte, so a download
 * can announce Content-Length. Files are stored as they are: evidence is photos, PDFs and
 * office documents that barely compress, and deflating would cost far more time than it
 * saves; only small in-memory texts (an index) may be deflated, in advance.
 * ZIP64 records appear only where the sizes need them, so every common unzip opens the result.
 */
export function zipArchive(entries: ZipEntry[], options: ZipOptions): ZipArchive {
  const layout: Layout[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.path, 'utf8');
    const descriptor = !whole(e);
    const packed =
      e.compress && Buffer.isBuffer(e.data) ? zlib.deflateRawSync(e.data, { level: 1 }) : undefined;
    const at: Layout = { name, offset, descriptor, size: e.bytes };
    if (packed && packed.length < e.bytes) Object.assign(at, { packed, size: packed.length });
    layout.push(at);
    offset += headerLength(e, at) + at.size;
    if (descriptor) offset += zip64Entry(e) ? 24 : 16;
  }
  const directoryOffset = offset;
  const directory = entries.map((e, i) => centralHeader(e, layout[i]!, options.date));
  const directorySize = directory.reduce((n, d) => n + d.fixedLength, 0);
  const end = endRecords(entries.length, directoryOffset, directorySize);
  const write = (batch: () => Buffer) => body(entries, layout, directory, end, options, batch);
  return {
    size: directoryOffset + directorySize + end.length,
    stream: Readable.from(write(newBatch), { objectMode: false }),
    writeTo: async (out) => {
      const free: Buffer[] = [];
      const batches = new WeakMap<ArrayBufferLike, Buffer>();
      const take = () => {
        const batch = free.pop() ?? newBatch();
        batches.set(batch.buffer, batch);
        return batch;
      };
      for await (const chunk of write(take)) {
        const flushed = (error?: Error | null) => {
          const batch = batches.get(chunk.buffer);
          if (!error && batch) free.push(batch);
        };
        if (!out.write(chunk, flushed)) await drained(out);
      }
    },
  };
}

const newBatch = () => Buffer.allocUnsafeSlow(BATCH_BYTES);

function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('the download was closed'));
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', settle);
      out.off('close', closed);
      out.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const closed = () => settle(new Error('the download was closed'));
    out.on('drain', settle);
    out.on('close', closed);
    out.on('error', settle);
  });
}

async function* body(
  entries: ZipEntry[],
  layout: Layout[],
  directory: ReturnType<typeof centralHeader>[],
  end: Buffer,
  options: ZipOptions,
  take: () => Buffer,
): AsyncGenerator<Buffer> {
  const window = options.readAheadBytes ?? 16 * 1024 * 1024;
  const reads = new Map<number, Promise<Buffer>>();
  let next = 0;
  let ahead = 0;
  // Headers and file bytes are written in place into one buffer per batch: no buffer per file,
  // no copying them together, one socket write per batch.
  let batch = take();
  let used = 0;
  const flush = () => {
    const out = batch.subarray(0, used);
    batch = take();
    used = 0;
    return out;
  };

  for (let i = 0; i < entries.length; i++) {
    // Keep reads of the following files going while this one is sent, where the store reads
    // asynchronously: per-file latency, not bandwidth, is what limits thousands of photos.
    while (next < entries.length && next - i < READ_AHEAD_FILES) {
      const e = entries[next]!;
      if (next > i && ahead + e.bytes > window) break;
      if (readsAhead(e)) {
        const read = readWhole(e);
        read.catch(() => {}); // awaited in order below; an early failure must not go unhandled
        reads.set(next, read);
        ahead += e.bytes;
      }
      next++;
    }
    const e = entries[i]!;
    const at = layout[i]!;
    if (at.descriptor) {
      if (used) yield flush();
      yield localHeader(e, at, options.date, 0);
      let crc = 0;
      let count = 0;
      for await (const chunk of await (e.data as FileSource).open()) {
        crc = crc32(chunk as Buffer, crc);
        count += (chunk as Buffer).length;
        if (count > e.bytes) break;
        yield chunk as Buffer;
      }
      if (count !== e.bytes) throw sizeMismatch(e, count);
      directory[i]!.setCrc(crc);
      yield dataDescriptor(e, crc);
      continue;
    }
    const header = headerLength(e, at);
    if (used + header + at.size > batch.length) {
      if (used) yield flush();
      // A file bigger than a batch (up to the whole-file limit) gets a buffer of its own.
      if (header + at.size > batch.length) batch = Buffer.allocUnsafeSlow(header + at.size);
    }
    const start = used + header;
    const source = e.data;
    let crc: number;
    if (Buffer.isBuffer(source)) {
      if (source.length !== e.bytes) throw sizeMismatch(e, source.length);
      crc = crc32(source);
      (at.packed ?? source).copy(batch, start);
    } else {
      let got: number;
      if (source.readInto) got = source.readInto(batch.subarray(start, start + e.bytes));
      else {
        const data = await reads.get(i)!;
        reads.delete(i);
        ahead -= e.bytes;
        got = data.length;
        if (got === e.bytes) data.copy(batch, start);
      }
      if (got !== e.bytes) throw sizeMismatch(e, got);
      crc = crc32(batch.subarray(start, start + e.bytes));
    }
    directory[i]!.setCrc(crc);
    writeLocalHeader(batch, used, e, at, options.date, crc);
    used = start + at.size;
  }
  for (const d of [...directory.map((d) => d.buffer), end]) {
    if (used + d.length > batch.length) yield flush();
    used += d.copy(batch, used);
  }
  yield batch.subarray(0, used);
}

const readsAhead = (e: ZipEntry) => !Buffer.isBuffer(e.data) && whole(e) && !e.data.readInto;

async function readWhole(e: ZipEntry): Promise<Buffer> {
  const source = e.data as FileSource;
  if (source.read) return source.read();
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of await source.open()) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length > e.bytes) break;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
}

const sizeMismatch = (e: ZipEntry, got: number) =>
  new Error(`${e.path}: expected ${e.bytes} bytes, the store gave ${got}`);

function dosDate({ year, month, day }: ZipOptions['date']) {
  return ((Math.max(year, 1980) - 1980) << 9) | (month << 5) | day;
}

const headerLength = (e: ZipEntry, at: Layout) => 30 + at.name.length + (zip64Entry(e) ? 20 : 0);

function localHeader(e: ZipEntry, at: Layout, date: ZipOptions['date'], crc: number): Buffer {
  const b = Buffer.allocUnsafe(headerLength(e, at));
  writeLocalHeader(b, 0, e, at, date, crc);
  return b;
}

function writeLocalHeader(
  b: Buffer,
  o: number,
  e: ZipEntry,
  at: Layout,
  date: ZipOptions['date'],
  crc: number,
): void {
  const big = zip64Entry(e);
  b.writeUInt32LE(0x04034b50, o);
  b.writeUInt16LE(big ? 45 : 20, o + 4);
  b.writeUInt16LE(UTF8_NAMES | (at.descriptor ? DATA_DESCRIPTOR : 0), o + 6);
  b.writeUInt16LE(at.packed ? DEFLATED : STORED, o + 8);
  b.writeUInt16LE(0, o + 10); // 00:00:00
  b.writeUInt16LE(dosDate(date), o + 12);
  b.writeUInt32LE(crc, o + 14);
  b.writeUInt32LE(big ? MAX32 : at.size, o + 18);
  b.writeUInt32LE(big ? MAX32 : e.bytes, o + 22);
  b.writeUInt16LE(at.name.length, o + 26);
  b.writeUInt16LE(big ? 20 : 0, o + 28);
  at.name.copy(b, o + 30);
  if (big) {
    const x = o + 30 + at.name.length;
    b.writeUInt16LE(0x0001, x);
    b.writeUInt16LE(16, x + 2);
    b.writeBigUInt64LE(BigInt(e.bytes), x + 4);
    b.writeBigUInt64LE(BigInt(at.size), x + 12);
  }
}

function dataDescriptor(e: ZipEntry, crc: number): Buffer {
  const big = zip64Entry(e);
  const b = Buffer.alloc(big ? 24 : 16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(crc, 4);
  if (big) {
    b.writeBigUInt64LE(BigInt(e.bytes), 8);
    b.writeBigUInt64LE(BigInt(e.bytes), 16);
  } else {
    b.writeUInt32LE(e.bytes, 8);
    b.writeUInt32LE(e.bytes, 12);
  }
  return b;
}

/** The entry's central directory record; its CRC is filled in once the data has been read. */
function centralHeader(e: ZipEntry, at: Layout, date: ZipOptions['date']) {
  const bigSize = zip64Entry(e);
  const bigOffset = at.offset >= MAX32;
  const extra = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
  const extraLength = extra ? 4 + extra : 0;
  const b = Buffer.alloc(46 + at.name.length + extraLength);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(MADE_BY, 4);
  b.writeUInt16LE(extra ? 45 : 20, 6);
  b.writeUInt16LE(UTF8_NAMES | (at.descriptor ? DATA_DESCRIPTOR : 0), 8);
  b.writeUInt16LE(at.packed ? DEFLATED : STORED, 10);
  b.writeUInt16LE(0, 12);
  b.writeUInt16LE(dosDate(date), 14);
  b.writeUInt32LE(bigSize ? MAX32 : at.size, 20);
  b.writeUInt32LE(bigSize ? MAX32 : e.bytes, 24);
  b.writeUInt16LE(at.name.length, 28);
  b.writeUInt16LE(extraLength, 30);
  // comment length, disk number, internal attributes: 0
  b.writeUInt32LE(FILE_MODE, 38);
  b.writeUInt32LE(bigOffset ? MAX32 : at.offset, 42);
  at.name.copy(b, 46);
  if (extra) {
    let x = 46 + at.name.length;
    b.writeUInt16LE(0x0001, x);
    b.writeUInt16LE(extra, x + 2);
    x += 4;
    if (bigSize) {
      b.writeBigUInt64LE(BigInt(e.bytes), x);
      b.writeBigUInt64LE(BigInt(at.size), x + 8);
      x += 16;
    }
    if (bigOffset) b.writeBigUInt64LE(BigInt(at.offset), x);
  }
  return { buffer: b, fixedLength: b.length, setCrc: (crc: number) => b.writeUInt32LE(crc, 16) };
}

function endRecords(count: number, directoryOffset: number, directorySize: number): Buffer {
  const zip64 = count >= MAX16 || directoryOffset >= MAX32 || directorySize >= MAX32;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(zip64 ? MAX16 : count, 8);
  eocd.writeUInt16LE(zip64 ? MAX16 : count, 10);
  eocd.writeUInt32LE(zip64 ? MAX32 : directorySize, 12);
  eocd.writeUInt32LE(zip64 ? MAX32 : directoryOffset, 16);
  if (!zip64) return eocd;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4); // size of the rest of this record
  record.writeUInt16LE(MADE_BY, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
  locator.writeUInt32LE(1, 16); // total number of disks
  return Buffer.concat([record, locator, eocd]);
}

let table: Uint32Array | undefined;
/** For Node.js releases before zlib.crc32 (22.2). */
function crc32Js(data: Uint8Array, value = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = ~value >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
