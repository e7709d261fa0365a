import { useTestDb } from '@wenming/db/testing';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { encodeCursor, olderThan } from './pagination';

const t = useTestDb();

/** Rows tied on their key page by id, across timestamps and dates alike. */
it('walks newest-first pages without skipping or repeating rows tied on the key', async () => {
  const ids = [
    '00000000-0000-4000-8000-000000000001',
    '00000000-0000-4000-8000-000000000002',
    '00000000-0000-4000-8000-000000000003',
  ];
  for (const [type, keys] of [
    ['timestamptz', ['2027-01-02T00:00:00.000Z', '2027-01-02T00:00:00.000Z', '2027-01-01T00:00:00.000Z']],
    ['date', ['2027-01-02', '2027-01-02', '2027-01-01']],
  ] as const) {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const rows: { k: string; id: string }[] = (
        await sql<{ k: string; id: string }>`
          with t(k, id) as (
            values (${keys[0]}::${sql.raw(type)}, ${ids[0]}::uuid), (${keys[1]}::${sql.raw(type)}, ${ids[1]}::uuid),
                   (${keys[2]}::${sql.raw(type)}, ${ids[2]}::uuid))
          select k::text as k, id::text as id from t
          where ${cursor ? olderThan(cursor, 't.k', 't.id') : sql`true`}
          order by t.k desc, t.id desc limit 1`.execute(t.db)
      ).rows;
      if (rows.length === 0) break;
      seen.push(rows[0]!.id);
      const key = type === 'date' ? rows[0]!.k : new Date(rows[0]!.k).toISOString();
      cursor = encodeCursor([key, rows[0]!.id]);
    }
    expect(seen, type).toEqual([ids[1], ids[0], ids[2]]);
  }
});
