import { performance } from 'node:perf_hooks';
import { type AuthedContext, appRouter, createCallerFactory, createContext } from '@wenming/api';
import type { Database, Db } from '@wenming/db';
import { CompiledQuery, type KyselyPlugin } from 'kysely';

interface Captured {
  sql: string;
  parameters: readonly unknown[];
  start: number;
  end: number;
}

const callerFor = createCallerFactory(appRouter);
type Caller = ReturnType<typeof callerFor>;

/** Statements that ran at the same time (the service's Promise.all) replay at the same time. */
export type Replay = Captured[][];

/**
 * Runs a procedure once in-process as `sessionToken`'s user, on a Kysely that notes every
 * statement it compiles (a plugin: start at transformQuery, end at transformResult), and
 * answers those statements grouped by overlap in time. Replaying them on a plain
 * connection pool is "the procedure's SQL, run directly": API / raw is then the cost of
 * HTTP, tRPC, the session, authorization and JSON around the same database work.
 */
export async function captureSql(
  database: Database,
  sessionToken: string,
  call: (caller: Caller) => Promise<unknown>,
): Promise<Replay> {
  const captured: Captured[] = [];
  const open = new Map<unknown, Captured>();
  let recording = false;
  const executor = database.db.getExecutor();
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      if (recording) {
        const compiled = executor.compileQuery(node, queryId);
        const q = { sql: compiled.sql, parameters: compiled.parameters, start: performance.now(), end: 0 };
        open.set(queryId, q);
        captured.push(q);
      }
      return node;
    },
    async transformResult({ result, queryId }) {
      const q = open.get(queryId);
      if (q) q.end = performance.now();
      return result;
    },
  };
  const db = database.db.withPlugin(plugin);
  const ctx = await createContext(
    { db: database.db, engine: database.engine },
    {
      cookies: { sessionToken, setSession() {}, clearSession() {} },
      request: { ip: '127.0.0.1', userAgent: 'bench' },
    },
  );
  const caller = callerFor({ ...(ctx as AuthedContext), db, readDb: db } as AuthedContext);
  recording = true;
  try {
    await call(caller);
  } finally {
    recording = false;
  }
  // Subqueries are transformed too but never run on their own: only what returned a result counts.
  const executed = captured.filter((q) => q.end > 0);
  const groups: Replay = [];
  let groupEnd = -1;
  for (const q of executed.sort((a, b) => a.start - b.start)) {
    if (q.start < groupEnd && groups.length) groups.at(-1)!.push(q);
    else groups.push([q]);
    groupEnd = Math.max(groupEnd, q.end);
  }
  return groups;
}

/**
 * One replay of captured statements, straight to the driver, in one transaction as the
 * procedure ran them: the captured scope statement puts them under the same row-level
 * security, so raw pays for the policies exactly as the API does.
 */
export async function replay(db: Db, groups: Replay) {
  await db.transaction().execute(async (trx) => {
    for (const group of groups)
      await Promise.all(group.map((q) => trx.executeQuery(CompiledQuery.raw(q.sql, [...q.parameters]))));
  });
}
