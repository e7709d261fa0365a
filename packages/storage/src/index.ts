export { createStore, type StoreConfig } from './create';
export { storeConfigFrom, ZStorageEnv } from './env-schema';
export { LocalDiskStore } from './local-disk';
export { sanitizeFileName } from './names';
export { type S3Config, S3Store } from './s3';
export { ALLOWED_TYPES, sniffType } from './sniff';
export { type BlobStore, DEFAULT_MAX_BYTES, type PutOptions, SHA256, type StoredBlob } from './store';
export { SAMPLE_PNG, samplePdf } from './testing';
