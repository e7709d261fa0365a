import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from './create-db';

/**
 * PGlite is one Postgres session. Requests run in transactions under their caller's role and
 * scope, so the driver must lend that session to one holder at a time (Kysely's connection
 * mutex does): a query from another request must never run inside an open transaction.
 */
let database: Database;
beforeAll(async () => {
  database = createDb();
  await sql`create table counters (id int primary key, n int not null)`.execute(database.db);
  await sql`insert into counters values (1, 0)`.execute(database.db);
});
afterAll(async () => {
  await database.close();
});

const current = async () =>
  (await sql<{ n: number }>`select n from counters where id = 1`.execute(database.db)).rows[0]!.n;

describe('embedded PGlite with concurrent callers', () => {
  it('keeps a query from another caller out of an open transaction', async () => {
    let seenInside: number | undefined;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const rolledBack = database.db
      .transaction()
      .execute(async (trx) => {
        await sql`update counters set n = 100 where id = 1`.execute(trx);
        await held;
        throw new Error('undo');
      })
      .catch(() => undefined);
    // Issued while the transaction is open: it must neither see nor join its write.
    const outside = current().then((n) => {
      seenInside = n;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await Promise.all([rolledBack, outside]);
    expect(seenInside).toBe(0);
    expect(await current()).toBe(0);
  });

  it('runs transactions begun at the same moment one after the other, losing no update', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        database.db.transaction().execute(async (trx) => {
          const { n } = (await sql<{ n: number }>`select n from counters where id = 1`.execute(trx)).rows[0]!;
          await new Promise((resolve) => setTimeout(resolve, 1));
          await sql`update counters set n = ${n + 1} where id = 1`.execute(trx);
        }),
      ),
    );
    expect(await current()).toBe(20);
  });
});
