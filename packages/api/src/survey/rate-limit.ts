import type { Db } from '@wenming/db';
import { sql } from 'kysely';

/**
 * A fixed-window counter in Postgres, so every server instance shares it. Returns whether
 * this hit is within the limit. Old windows are swept now and then by the hits themselves.
 */
export async function hit(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date,
): Promise<boolean> {
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const row = await sql<{ hits: number }>`
    insert into rate_limits (key, window_start, hits) values (${key}, ${windowStart}, 1)
    on conflict (key, window_start) do update set hits = rate_limits.hits + 1
    returning hits`.execute(db);
  if (Math.random() < 0.001) {
    await sql`delete from rate_limits where window_start < ${new Date(now.getTime() - 86_400_000)}`.execute(
      db,
    );
  }
  return Number(row.rows[0]!.hits) <= limit;
}
