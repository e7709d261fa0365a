import { fileURLToPath } from 'node:url';
import { seedDemo } from '@wenming/api';
import { createDb, migrateToLatest } from '@wenming/db';
import { createStore } from '@wenming/storage';
import { buildServer } from './app';
import { parseEnv } from './env';
import { sweepOrphanFiles } from './file-sweep';
import { startJobs } from './jobs';

const env = parseEnv();
const store = createStore(env.store);
const database = createDb({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATABASE_URL ? undefined : `${env.dataDir}/pglite`,
});
// Analytics may read from a replica; everything else, and every write, goes to the primary.
const readDatabase =
  env.DATABASE_URL && env.DATABASE_READ_URL ? createDb({ databaseUrl: env.DATABASE_READ_URL }) : undefined;
const app = await buildServer({
  database,
  readDatabase,
  store,
  maxUploadBytes: env.MAX_UPLOAD_MB * 1024 * 1024,
  publicUrl: env.PUBLIC_URL,
  cookieSecure: env.COOKIE_SECURE,
  trustProxy: env.TRUST_PROXY === 'true',
  logger: { level: env.LOG_LEVEL },
  spas: [
    { prefix: '/console/', root: fileURLToPath(new URL('../../console/dist', import.meta.url)) },
    { prefix: '/portal/', root: fileURLToPath(new URL('../../portal/dist', import.meta.url)) },
    // The public survey page: a separate, light build (no framework) for respondents' phones.
    { prefix: '/s/', root: fileURLToPath(new URL('../../portal/dist/s', import.meta.url)) },
  ],
});

let jobs: ReturnType<typeof startJobs> | undefined;
try {
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
  const graceMinutes = env.FILE_SWEEP_GRACE_MINUTES ?? (database.engine === 'pglite' ? 0 : 60);
  const swept = await sweepOrphanFiles(database, store, graceMinutes * 60_000);
  if (swept.staged + swept.orphans > 0)
    app.log.warn(swept, 'removed files an interrupted upload left behind');
  const seed = env.SEED_DEMO === 'true' || (env.SEED_DEMO === 'auto' && env.NODE_ENV !== 'production');
  if (seed) {
    const summary = await seedDemo(database.db, { engine: database.engine, store });
    if (summary.seeded) app.log.info(summary, 'demo data seeded (password: wenming-demo)');
  }
  await app.listen({ port: env.PORT, host: env.HOST });
  jobs = startJobs(database.db, env, app.log);
} catch (error) {
  app.log.fatal({ err: error }, 'server failed to start');
  await readDatabase?.close();
  await database.close();
  process.exit(1);
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await jobs?.stop();
  await readDatabase?.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
