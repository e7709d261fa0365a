import type { Readable } from 'node:stream';

/** A file as the platform keeps it: named by the sha256 of its bytes, so identical files are stored once. */
export interface StoredBlob {
  sha256: string;
  bytes: number;
  /** Decided from the content, never the name. */
  mime: string;
  ext: string;
}

export interface PutOptions {
  /** Refuse (and keep nothing of) a stream longer than this. */
  maxBytes: number;
}

/**
 * Where evidence files live: local disk by default, an S3-compatible bucket when
 * configured. Streams in and out: a file is never held whole in memory.
 */
export interface BlobStore {
  readonly kind: 'local' | 's3';
  /** Stores a stream; an interrupted or refused upload leaves nothing behind. */
  put(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredBlob>;
  open(sha256: string): Promise<Readable>;
  /**
   * Reads a file whose size is known straight into `target` (its exact size), blocking, and
   * answers how many bytes there were. Only a local disk offers it: for exports of thousands
   * of small files, where the round trips of asynchronous reads cost more than the reads.
   */
  readInto?(sha256: string, target: Buffer): number;
  size(sha256: string): Promise<number | null>;
  /** Recomputes the hash of the stored bytes: false when they were changed behind the platform's back. */
  verify(sha256: string): Promise<boolean>;
}

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
export const SHA256 = /^[0-9a-f]{64}$/;
