import { z } from 'zod';
import type { StoreConfig } from './create';

/**
 * The storage variables, for apps to include in their env.ts (the only places that read
 * process.env): `local` keeps files under FILES_DIR; `s3` uses an S3-compatible bucket.
 */
export const ZStorageEnv = z.object({
  STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

export function storeConfigFrom(env: z.infer<typeof ZStorageEnv>, filesDir: string): StoreConfig {
  if (env.STORAGE === 'local') return { kind: 'local', root: filesDir };
  const missing = (['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter(
    (k) => !env[k],
  );
  if (missing.length) throw new Error(`STORAGE=s3 needs ${missing.join(', ')}`);
  return {
    kind: 's3',
    endpoint: env.S3_ENDPOINT!,
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    stagingRoot: filesDir,
  };
}
