import type { Engine } from '@wenming/db';
import { z } from 'zod';

export const MANIFEST = 'wenming-backup.json';
export const FORMAT = 1;

/** What a backup holds, written first into the archive and checked again after a restore. */
export const ZManifest = z.object({
  format: z.literal(FORMAT),
  engine: z.enum(['pglite', 'postgres']),
  createdAt: z.string(),
  /** The schema the dump has: a restore refuses a backup newer than the code. */
  migrations: z.array(z.string()),
  rows: z.record(z.string(), z.number().int().nonnegative()),
  /** The database dump's entry in the archive. */
  dump: z.string(),
  /** Evidence files by sha256, each stored as files/<sha256>. */
  files: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int() })),
});
export type Manifest = z.infer<typeof ZManifest>;

export function dumpEntry(engine: Engine): string {
  return engine === 'postgres' ? 'database.pgdump' : 'database.pglite.tar.gz';
}

export function fileEntry(sha256: string): string {
  return `files/${sha256}`;
}
