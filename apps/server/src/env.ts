import { resolve } from 'node:path';
import { type StoreConfig, storeConfigFrom, ZStorageEnv } from '@wenming/storage';
import { z } from 'zod';

/** The only place that reads process.env for the server. */
const ZEnv = ZStorageEnv.extend({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z.string().url().optional(),
  /** A read replica for analytics; falls back to DATABASE_URL. Only with DATABASE_URL. */
  DATABASE_READ_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).optional(),
  /** `auto`: seed the demo city into an empty database unless NODE_ENV=production. */
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Secure cookies: `auto` sets them when the request came over https. */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Evidence files; default: DATA_DIR/files. */
  FILES_DIR: z.string().min(1).optional(),
  /** Largest evidence file accepted, in MB. */
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(2048).default(100),
  /** The address respondents reach the platform at, printed into survey links and QR codes. */
  PUBLIC_URL: z.string().url().optional(),
  /**
   * At start, crash leftovers in the file store older than this are removed. Default: 0 on
   * PGlite (one process owns the data), 60 on PostgreSQL (another server may be uploading).
   */
  FILE_SWEEP_GRACE_MINUTES: z.coerce.number().int().min(0).optional(),
  /** Email copies of notifications go out through this SMTP server; unset: no email. */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().min(3).default('文明创建管理平台 <noreply@localhost>'),
  /** Minutes between deadline-reminder runs. */
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof ZEnv> & { dataDir: string; store: StoreConfig };

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid environment:\n${problems}`);
  }
  // pnpm runs scripts inside the package; INIT_CWD is where the user typed the command.
  const base = source.INIT_CWD ?? process.cwd();
  const dataDir = resolve(base, parsed.data.DATA_DIR ?? '.data');
  const filesDir = resolve(base, parsed.data.FILES_DIR ?? `${dataDir}/files`);
  return { ...parsed.data, dataDir, store: storeConfigFrom(parsed.data, filesDir) };
}
