import type { Db } from '@wenming/db';
import { sql } from 'kysely';

/**
 * A fixed-window counter in Postgres, so every server instance shares it. Returns whether
 * this hit is within the limit. Old windows are swept by `sweepRateLimits`.
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
  return Number(row.rows[0]!.hits) <= limit;
}

/** The longest window any limit uses (objections: an hour); older windows count no more. */
const LONGEST_WINDOW_MS = 3_600_000;

/**
 * Deletes the counters of windows that ended before `now`, returning how many. The server's
 * jobs run it hourly: swept from the hit path instead, each sweep — a scan of a table that
 * a flood grows by a row per address a minute — stalled the answers waiting behind it.
 */
export async function sweepRateLimits(db: Db, now: Date): Promise<number> {
  const result =
    await sql`delete from rate_limits where window_start < ${new Date(now.getTime() - LONGEST_WINDOW_MS)}`.execute(
      db,
    );
  return Number(result.numAffectedRows ?? 0);
}
