import type { DB, Db, Tx } from '@wenming/db';
import { enterTenantScope, leaveTenantScope, type ScopeGrant, type SessionCheck } from '@wenming/db/rls';
import type { ControlledTransaction } from 'kysely';
import type { AuthedContext } from './context';

/** Thrown inside the transaction to undo it while handing the caller's own result back. */
class Undo<T> {
  constructor(readonly result: T) {}
}

/**
 * The session the caller came with was revoked, expired or its grants changed since it was
 * read: nothing ran under it. The caller reads the session again (the `authed` middleware).
 */
export class StaleSession extends Error {
  constructor() {
    super('the session changed since it was read');
  }
}

/**
 * Runs a signed-in caller's work in one transaction under row-level security: the caller's
 * offices and units as settings, the app role that the policies bind. A query that forgot
 * its `accessibleWhere` still sees nothing of another tenant. Success means committed;
 * `failed(result)` says the result is a failure, and then nothing of it is kept.
 *
 * The operator at the command line is not scoped. A context that already runs in a
 * transaction (a test's) gets a savepoint, and the owner's rights back afterwards. A read
 * replica, when there is one, is scoped the same way in a transaction of its own.
 */
export async function inTenantScope<T>(
  ctx: AuthedContext,
  work: (scoped: AuthedContext) => Promise<T>,
  failed: (result: T) => boolean = () => false,
): Promise<T> {
  if (ctx.user.system) return work(ctx);
  const { grants, generation, sessionId } = ctx.user;
  const check = generation ? { sessionId, generation, now: ctx.clock.now() } : undefined;
  try {
    return await scoped(ctx.db, grants, check, async (trx) => {
      const result =
        ctx.readDb === ctx.db
          ? await work({ ...ctx, db: trx, readDb: trx })
          : await scoped(ctx.readDb, grants, undefined, (reader) =>
              work({ ...ctx, db: trx, readDb: reader }),
            );
      if (failed(result)) throw new Undo(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Undo) return error.result as T;
    throw error;
  }
}

/**
 * `run` in a transaction of its own under the scope, or under a savepoint of the caller's.
 * With a `check`, a session that no longer holds fails before `run` starts.
 */
async function scoped<T>(
  db: Db,
  grants: ScopeGrant[],
  check: SessionCheck | undefined,
  run: (trx: Tx) => Promise<T>,
): Promise<T> {
  const enter = async (trx: Tx) => {
    if (!(await enterTenantScope(trx, grants, check))) throw new StaleSession();
  };
  if (!db.isTransaction)
    return db.transaction().execute(async (trx) => {
      await enter(trx);
      return run(trx);
    });
  if (!('savepoint' in db)) return inPlainTransaction(db as Tx, enter, run);
  const name = `scope_${Math.random().toString(36).slice(2, 10)}`;
  const sp = await (db as unknown as ControlledTransaction<DB>).savepoint(name).execute();
  const trx = sp as unknown as Tx;
  try {
    await enter(trx);
    const result = await run(trx);
    await leaveTenantScope(trx);
    await sp.releaseSavepoint(name).execute();
    return result;
  } catch (error) {
    await sp.rollbackToSavepoint(name).execute();
    throw error;
  }
}

/**
 * A plain transaction an outer caller owns (the demo seed acting as its users): no savepoint
 * to fall back to, so a failure undoes the whole of it, as it would have anyway.
 */
async function inPlainTransaction<T>(
  trx: Tx,
  enter: (trx: Tx) => Promise<void>,
  run: (trx: Tx) => Promise<T>,
): Promise<T> {
  try {
    await enter(trx);
    return await run(trx);
  } finally {
    // After a failed statement the transaction is aborted and refuses even this; it is lost anyway.
    await leaveTenantScope(trx).catch(() => undefined);
  }
}
