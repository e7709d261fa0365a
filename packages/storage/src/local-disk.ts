import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@wenming/core';
import { SNIFF_BYTES, sniffType } from './sniff';
import { type BlobStore, type PutOptions, SHA256, type StoredBlob } from './store';

/**
 * Content-addressed files under `root/objects/ab/cd/<sha256>`. Uploads stream into
 * `root/tmp` while being hashed, measured and sniffed, are fsynced, then renamed into
 * place (atomic on one file system); anything refused or interrupted is deleted.
 */
export class LocalDiskStore implements BlobStore {
  readonly kind = 'local' as const;
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new AppError('NOT_FOUND', { message: 'no such file' });
    return join(this.root, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredBlob> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let bytes = 0;
    const head: Buffer[] = [];
    let headBytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > options.maxBytes) {
          done(
            new AppError('FILE_TOO_LARGE', {
              message: `the file is larger than ${Math.floor(options.maxBytes / 1024 / 1024)} MB`,
              params: { maxBytes: options.maxBytes },
            }),
          );
          return;
        }
        if (headBytes < SNIFF_BYTES) {
          head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
          headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      const input = source instanceof Readable ? source : Readable.from(source);
      await pipeline(input, meter, createWriteStream(tmp, { flags: 'wx' }));
      if (bytes === 0) throw new AppError('FILE_EMPTY', { message: 'the file is empty' });
      const type = await sniffType(Buffer.concat(head));
      if (!type) {
        throw new AppError('FILE_TYPE_REFUSED', {
          message:
            'this kind of file cannot be filed as evidence (photos, PDF, Office documents, audio, video and text can)',
        });
      }
      const handle = await open(tmp, 'r');
      await handle.sync();
      await handle.close();
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      await mkdir(join(target, '..'), { recursive: true });
      // Identical content is stored once: the second copy is simply dropped.
      if (await exists(target)) await rm(tmp, { force: true });
      else await rename(tmp, target);
      return { sha256, bytes, mime: type.mime, ext: type.ext };
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) throw new AppError('NOT_FOUND', { message: 'no such file' });
    return createReadStream(path);
  }

  async size(sha256: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch {
      return null;
    }
  }

  async verify(sha256: string): Promise<boolean> {
    try {
      const hash = createHash('sha256');
      await pipeline(createReadStream(this.pathOf(sha256)), hash);
      return hash.digest('hex') === sha256;
    } catch {
      return false;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
