import type { Db } from '@wenming/db';
import { sql } from 'kysely';

/**
 * What "the database is unchanged" means to a test: every table's row count, and every
 * unit's ledger chain (the hashes of its events, in order).
 */
export async function databaseState(db: Db): Promise<{ rows: Record<string, number>; chains: string[] }> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const rows: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const counted = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db);
    rows[name] = counted.rows[0]!.n;
  }
  const chains = await db
    .selectFrom('evidence_events')
    .select(['unit_id', 'seq', 'hash'])
    .orderBy('unit_id')
    .orderBy('seq')
    .execute();
  return { rows, chains: chains.map((e) => `${e.unit_id}:${e.seq}:${e.hash}`) };
}
