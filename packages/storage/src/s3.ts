import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError } from '@wenming/core';
import { AwsClient } from 'aws4fetch';
import { stageUpload } from './staging';
import { type BlobStore, type PutOptions, SHA256, type StoredBlob } from './store';

export interface S3Config {
  /** e.g. https://s3.example.com or http://127.0.0.1:9000 (path-style addressing). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Local directory where uploads are staged (hashed, sniffed, measured) before sending. */
  stagingDir: string;
}

/**
 * Evidence files in an S3-compatible bucket, keys `objects/ab/<sha256>`. An upload is
 * staged on local disk first, so its hash, size and type are known before anything is
 * sent and a refused file never reaches the bucket; it is then streamed up with its
 * length. Downloads stream straight from the bucket.
 */
export class S3Store implements BlobStore {
  readonly kind = 's3' as const;
  private readonly client: AwsClient;

  constructor(private readonly config: S3Config) {
    this.client = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
      service: 's3',
    });
  }

  private url(sha256: string): string {
    if (!SHA256.test(sha256)) throw new AppError('NOT_FOUND', { message: 'no such file' });
    return `${this.config.endpoint.replace(/\/$/, '')}/${this.config.bucket}/objects/${sha256.slice(0, 2)}/${sha256}`;
  }

  async put(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredBlob> {
    const { path, ...blob } = await stageUpload(this.config.stagingDir, source, options.maxBytes);
    try {
      if ((await this.size(blob.sha256)) === null) {
        const res = await this.client.fetch(this.url(blob.sha256), {
          method: 'PUT',
          body: Readable.toWeb(createReadStream(path)) as never,
          headers: { 'content-length': String(blob.bytes), 'content-type': blob.mime },
          duplex: 'half',
          // The body is a stream: the signature covers headers, not the payload hash.
          aws: { signQuery: false, allHeaders: false },
        } as RequestInit);
        if (!res.ok) throw new Error(`object store refused the upload: HTTP ${res.status}`);
      }
      return blob;
    } finally {
      await rm(path, { force: true });
    }
  }

  async open(sha256: string): Promise<Readable> {
    const res = await this.client.fetch(this.url(sha256));
    if (res.status === 404) throw new AppError('NOT_FOUND', { message: 'no such file' });
    if (!res.ok || !res.body) throw new Error(`object store failed: HTTP ${res.status}`);
    return Readable.fromWeb(res.body as unknown as WebReadableStream);
  }

  async size(sha256: string): Promise<number | null> {
    const res = await this.client.fetch(this.url(sha256), { method: 'HEAD' });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`object store failed: HTTP ${res.status}`);
    return Number(res.headers.get('content-length'));
  }

  async verify(sha256: string): Promise<boolean> {
    try {
      const hash = createHash('sha256');
      await pipeline(await this.open(sha256), hash);
      return hash.digest('hex') === sha256;
    } catch {
      return false;
    }
  }
}
