import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from './env';

/** `auto`: the demo city goes into an empty database unless NODE_ENV=production. */
export function seedsDemo(env: Env): boolean {
  return env.SEED_DEMO === 'true' || (env.SEED_DEMO === 'auto' && env.NODE_ENV !== 'production');
}

export function pgliteDirOf(env: Env): string {
  return `${env.dataDir}/pglite`;
}

/** Beside the installed packages, so a fresh clone starts without one and `rm -rf node_modules` clears it. */
const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/wenming/', import.meta.url));

/**
 * Before the database opens: on embedded PGlite with the demo on, an empty data directory
 * gets today's demo city copied in (see prepareDemoDataDir), so the first start takes as long
 * as any other. `pnpm start` runs this beside the build as well.
 */
export async function prepareDataDir(env: Env): Promise<'none' | 'existing' | 'demo' | 'cluster'> {
  if (env.DATABASE_URL || !seedsDemo(env)) return 'none';
  // Checked before loading the API: beside the build, a start on a seeded data directory costs nothing.
  if (existsSync(join(pgliteDirOf(env), 'PG_VERSION'))) return 'existing';
  const { prepareDemoDataDir } = await import('@wenming/api');
  return prepareDemoDataDir({
    pgliteDir: pgliteDirOf(env),
    filesDir: env.store.kind === 'local' ? env.store.root : undefined,
    cacheDir: CACHE_DIR,
  });
}
