import { type Db, withTx } from '@wenming/db';
import { type Expression, type RawBuilder, sql } from 'kysely';
import type { AuthedContext } from '../context';
import { readinessHistory } from './readiness-history';
import { readinessOf } from './readiness-sql';

/** The first day of the month `today` (a China date) falls in. */
export const monthOf = (today: string) => `${today.slice(0, 7)}-01`;

/**
 * Writes the readiness every campaign had at the end of each month that has closed since it
 * was created and has none yet (`readiness_month_ends`); `today` is a China date. The
 * server's jobs call this at start and hourly, so a month is kept within the hour it closes,
 * as it then stood. One instance at a time (an advisory lock; the others skip). Answers how
 * many it wrote.
 */
export async function snapshotReadiness(db: Db, today: string): Promise<number> {
  const month = monthOf(today);
  return withTx(db, async (trx) => {
    const lock = await sql<{
      ok: boolean;
    }>`select pg_try_advisory_xact_lock(hashtext('readiness_month_ends')) as ok`.execute(trx);
    if (!lock.rows[0]?.ok) return 0;
    const missing = sql`
      select c.id, c.framework_id, c.office_id, c.unit_id, m.month::date::text as key,
        ((m.month + interval '1 month')::timestamp at time zone 'Asia/Shanghai') as as_of
      from campaigns c
      cross join lateral generate_series(date_trunc('month', c.created_at at time zone 'Asia/Shanghai'),
        ${month}::date - interval '1 month', interval '1 month') m(month)
      where not exists (
        select 1 from readiness_month_ends s where s.campaign_id = c.id and s.month = m.month::date)`;
    // Most runs find nothing to add: that costs a scan of the kept months, not of the links.
    const todo = await sql<{ n: number }>`select count(*)::int as n from (${missing}) m`.execute(trx);
    if (!todo.rows[0]?.n) return 0;
    const written = await sql`
      with missing as materialized (${missing})
      insert into readiness_month_ends (campaign_id, month, office_id, unit_id, readiness)
      select m.id, m.key::date, m.office_id, m.unit_id, h.readiness
      from (${readinessHistory(sql`select key, id, framework_id, as_of from missing`, sql`select unit_id from missing`)}) h
      join missing m on m.id = h.id and m.key = h.key
      on conflict do nothing`.execute(trx);
    return Number(written.numAffectedRows ?? 0);
  });
}

/**
 * Mean readiness per period of the campaigns `atPeriod` yields (key, id, framework_id,
 * as_of, closed_month): a closed month's from its kept figure, the current period's from
 * the ledger rollups as they are now, and a closed month not kept yet (the job has not run
 * since it closed) worked out from the links' history.
 */
export async function readinessAtPeriods(
  ctx: AuthedContext,
  atPeriod: RawBuilder<unknown>,
  units: Expression<unknown>,
): Promise<Map<string, { campaigns: number; readiness: number | null }>> {
  const kept = await sql<{
    key: string;
    campaigns: number;
    sum: number | null;
    known: number;
    missing: number;
  }>`
    select ap.key, count(*)::int as campaigns, sum(s.readiness)::float8 as sum, count(s.readiness)::int as known,
      (count(*) filter (where ap.closed_month is not null and s.campaign_id is null))::int as missing
    from (${atPeriod}) ap
    left join readiness_month_ends s on s.campaign_id = ap.id and s.month = ap.closed_month
    group by ap.key`.execute(ctx.db);
  const parts = kept.rows.map((r) => ({ key: r.key, sum: Number(r.sum ?? 0), n: r.known }));
  const sumUp = (rows: RawBuilder<{ key: string; id: string; readiness: number }>) =>
    sql<{
      key: string;
      sum: number;
      n: number;
    }>`select key, sum(readiness)::float8 as sum, count(*)::int as n from (${rows}) r group by key`.execute(
      ctx.db,
    );
  if (kept.rows.some((r) => r.campaigns > r.known + r.missing)) {
    const now = await sumUp(
      readinessOf(sql`select key, id, framework_id from (${atPeriod}) ap where closed_month is null`),
    );
    parts.push(...now.rows);
  }
  if (kept.rows.some((r) => r.missing > 0)) {
    const past = await sumUp(
      readinessHistory(
        sql`select key, id, framework_id, as_of from (${atPeriod}) ap where closed_month is not null
          and not exists (select 1 from readiness_month_ends s where s.campaign_id = ap.id and s.month = ap.closed_month)`,
        units,
      ),
    );
    parts.push(...past.rows);
  }
  const out = new Map<string, { campaigns: number; readiness: number | null }>();
  for (const r of kept.rows) {
    const mine = parts.filter((p) => p.key === r.key);
    const n = mine.reduce((t, p) => t + Number(p.n), 0);
    out.set(r.key, {
      campaigns: r.campaigns,
      readiness: n ? mine.reduce((t, p) => t + Number(p.sum), 0) / n : null,
    });
  }
  return out;
}
