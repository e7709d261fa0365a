import { resolve } from 'node:path';
import { type StoreConfig, storeConfigFrom, ZStorageEnv } from '@wenming/storage';
import { z } from 'zod';

/** The only place that reads process.env for the CLI; the same variables as the server. */
const ZEnv = ZStorageEnv.extend({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).optional(),
  FILES_DIR: z.string().min(1).optional(),
  /** Where pg_dump/pg_restore live when they are not on PATH (backup on PostgreSQL). */
  PG_BIN: z.string().min(1).optional(),
});

export function parseEnv(source: NodeJS.ProcessEnv = process.env): {
  databaseUrl?: string | undefined;
  dataDir: string;
  store: StoreConfig;
  pgBin?: string | undefined;
} {
  const parsed = ZEnv.parse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  const base = source.INIT_CWD ?? process.cwd();
  const dataDir = resolve(base, parsed.DATA_DIR ?? '.data');
  return {
    databaseUrl: parsed.DATABASE_URL,
    dataDir,
    pgBin: parsed.PG_BIN,
    store: storeConfigFrom(parsed, resolve(base, parsed.FILES_DIR ?? `${dataDir}/files`)),
  };
}
