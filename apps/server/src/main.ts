import { fileURLToPath } from 'node:url';
import { seedDemo } from '@wenming/api';
import { createDb, migrateToLatest } from '@wenming/db';
import { APP_ROLE, canTakeAppRole } from '@wenming/db/rls';
import { createStore } from '@wenming/storage';
import { buildServer } from './app';
import { pgliteDirOf, prepareDataDir, seedsDemo } from './demo-data-dir';
import { parseEnv } from './env';
import { sweepOrphanFiles } from './file-sweep';
import { startJobs } from './jobs';

const env = parseEnv();
// Before the database opens, so an empty data directory can be filled with a prepared demo city.
const prepared = await prepareDataDir(env).catch((error: unknown) => error);
const store = createStore(env.store);
const database = createDb({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATABASE_URL ? undefined : pgliteDirOf(env),
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
  for (const db of [database.db, readDatabase?.db]) {
    if (db && !(await canTakeAppRole(db)))
      throw new Error(
        `signed-in requests run under row-level security as the role ${APP_ROLE}, which this database user can neither create nor take: as a superuser, run "create role ${APP_ROLE} nologin; grant ${APP_ROLE} to <this user>;" and start again`,
      );
  }
  const graceMinutes = env.FILE_SWEEP_GRACE_MINUTES ?? (database.engine === 'pglite' ? 0 : 60);
  const swept = await sweepOrphanFiles(database, store, graceMinutes * 60_000);
  if (swept.staged + swept.orphans > 0)
    app.log.warn(swept, 'removed files an interrupted upload left behind');
  // Without a prepared copy (an error is no reason not to start) the demo is seeded here.
  if (prepared instanceof Error) app.log.warn({ err: prepared }, 'could not copy a prepared demo city');
  if (prepared === 'demo')
    app.log.info("demo data seeded: today's prepared demo city copied (password: wenming-demo)");
  if (seedsDemo(env)) {
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
