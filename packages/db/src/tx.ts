import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

/**
 * Runs `fn` in a transaction, or joins the caller's transaction (a savepoint, so a failure
 * inside still undoes only its own work). Services call this once per mutation, so nothing
 * is ever half-written; tests hand in an outer transaction they roll back.
 */
export async function withTx<T>(db: Db, fn: (trx: Tx) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(fn);
  // A plain transaction handed down by an outer service: join it.
  if (!('savepoint' in db)) return fn(db as Tx);
  const name = `sp_${Math.random().toString(36).slice(2, 10)}`;
  const sp = await (db as unknown as ControlledTransaction<DB>).savepoint(name).execute();
  try {
    const result = await fn(sp as unknown as Tx);
    await sp.releaseSavepoint(name).execute();
    return result;
  } catch (error) {
    await sp.rollbackToSavepoint(name).execute();
    throw error;
  }
}
