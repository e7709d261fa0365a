import { AppError } from '@wenming/core';
import { sql } from 'kysely';

/** Keyset cursors: the last row's sort key and id, opaque (base64url JSON) to clients. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): (string | number | null)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return values;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('BAD_REQUEST', { message: 'invalid cursor', fields: { cursor: 'invalid cursor' } });
}

/** Fetch limit + 1 rows; the extra one tells whether a next page exists. */
export function pageOf<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  key: (row: Row) => (string | number | null)[],
) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null,
  };
}

/**
 * Newest first: the rows after the cursor for `order by <key> desc, <id> desc`, compared as a
 * row so ties on the key fall back to the id. The cursor holds the last row's key and id.
 */
export function olderThan(cursor: string, key: string, id: string) {
  const [k, i] = decodeCursor(cursor, 2) as [string, string];
  return sql<boolean>`(${sql.ref(key)}, ${sql.ref(id)}) < (${k}, ${i}::uuid)`;
}
