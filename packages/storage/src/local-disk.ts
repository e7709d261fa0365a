import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { mkdir, open as openFile, rename, rm, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@wenming/core';
import { stageUpload } from './staging';
import { type BlobStore, type PutOptions, SHA256, type StoredBlob } from './store';

/**
 * Content-addressed files under `root/objects/ab/cd/<sha256>`: staged in `root/tmp`, then
 * renamed into place (atomic on one file system). Identical content is kept once.
 */
export class LocalDiskStore implements BlobStore {
  readonly kind = 'local' as const;
  private readonly objects: string;
  constructor(readonly root: string) {
    this.objects = join(root, 'objects');
  }

  // Joined by hand: an export resolves thousands of these in a row.
  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new AppError('NOT_FOUND', { message: 'no such file' });
    return `${this.objects}${sep}${sha256.slice(0, 2)}${sep}${sha256.slice(2, 4)}${sep}${sha256}`;
  }

  async put(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredBlob> {
    const { path, ...blob } = await stageUpload(join(this.root, 'tmp'), source, options.maxBytes);
    try {
      const target = this.pathOf(blob.sha256);
      await mkdir(join(target, '..'), { recursive: true });
      if (await exists(target)) await rm(path, { force: true });
      else await rename(path, target);
      return blob;
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable> {
    return (await this.handleOf(sha256)).createReadStream();
  }

  readInto(sha256: string, target: Buffer): number {
    let fd: number;
    try {
      fd = openSync(this.pathOf(sha256), 'r');
    } catch (error) {
      throw notFound(error);
    }
    try {
      let read = 0;
      while (read < target.length) {
        const n = readSync(fd, target, read, target.length - read, read);
        if (n === 0) break;
        read += n;
      }
      return read;
    } finally {
      closeSync(fd);
    }
  }

  // Opening directly (no stat first) saves a file system call per file and cannot race a removal.
  private async handleOf(sha256: string) {
    try {
      return await openFile(this.pathOf(sha256), 'r');
    } catch (error) {
      throw notFound(error);
    }
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

const notFound = (error: unknown) =>
  (error as NodeJS.ErrnoException).code === 'ENOENT'
    ? new AppError('NOT_FOUND', { message: 'no such file' })
    : error;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
