import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@wenming/core';
import { SNIFF_BYTES, sniffType } from './sniff';
import type { StoredBlob } from './store';

/**
 * The common first half of every upload: stream into a temp file while hashing, measuring
 * and keeping the first bytes for sniffing; refuse oversize, empty or disallowed files;
 * fsync. On any failure the temp file is gone. The caller moves the file into place and
 * must delete `path` when done.
 */
export async function stageUpload(
  dir: string,
  source: Readable | AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<StoredBlob & { path: string }> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let bytes = 0;
  const head: Buffer[] = [];
  let headBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        done(
          new AppError('FILE_TOO_LARGE', {
            message: `the file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB`,
            params: { maxBytes },
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
    await pipeline(input, meter, createWriteStream(path, { flags: 'wx' }));
    if (bytes === 0) throw new AppError('FILE_EMPTY', { message: 'the file is empty' });
    const type = await sniffType(Buffer.concat(head));
    if (!type) {
      throw new AppError('FILE_TYPE_REFUSED', {
        message:
          'this kind of file cannot be filed as evidence (photos, PDF, Office documents, audio, video and text can)',
      });
    }
    const handle = await open(path, 'r');
    await handle.sync();
    await handle.close();
    return { path, sha256: hash.digest('hex'), bytes, mime: type.mime, ext: type.ext };
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}
