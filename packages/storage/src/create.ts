import { join } from 'node:path';
import { LocalDiskStore } from './local-disk';
import { type S3Config, S3Store } from './s3';
import type { BlobStore } from './store';

export type StoreConfig =
  | { kind: 'local'; root: string }
  | ({ kind: 's3' } & Omit<S3Config, 'stagingDir'> & { stagingRoot: string });

/** The store an app's environment asks for: local disk by default, an S3-compatible bucket when configured. */
export function createStore(config: StoreConfig): BlobStore {
  if (config.kind === 'local') return new LocalDiskStore(config.root);
  const { stagingRoot, kind: _kind, ...s3 } = config;
  return new S3Store({ ...s3, stagingDir: join(stagingRoot, 'tmp') });
}
