import { todayInChina } from '@wenming/core';
import {
  periods,
  STATUS_LEVELS,
  type StatusLevel,
  type TrendPeriod,
  type TTrend,
  type ZTrendInput,
} from '@wenming/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AuthedContext } from '../context';
import { monthOf, readinessAtPeriods } from './readiness-snapshots';
import { campaignsInRound, unitsInScope } from './scope';

type Input = z.output<typeof ZTrendInput>;

/** The terms (届) the campaigns in scope belong to, each a period of its own. */
async function termPeriods(ctx: AuthedContext, input: Input): Promise<(TrendPeriod & { term: number })[]> {
  const rows = await campaignsInRound(ctx, input)
    .select(['c.term_start_year', 'c.term_end_year'])
    .distinct()
    .where('c.unit_id', 'in', unitsInScope(ctx, input))
    .orderBy('c.term_start_year')
    .orderBy('c.term_end_year')
    .execute();
  return rows.slice(-20).map((r) => ({
    period: `${r.term_start_year}–${r.term_end_year}`,
    start: `${r.term_start_year}-01-01`,
    end: `${r.term_end_year}-12-31`,
    term: r.term_start_year,
  }));
}

/**
 * Readiness, ledger freshness, satisfaction and the status register, month by month, year by
 * year or term by term. Each period reads the data as it stood at its end (the ledger
 * without items filed later or retracted before), so the past does not change when
 * today's work is done.
 */
export async function trend(ctx: AuthedContext, input: Input): Promise<TTrend> {
  const now = ctx.clock.now();
  const today = todayInChina(now);
  const list: (TrendPeriod & { term?: number })[] =
    input.interval === 'term'
      ? await termPeriods(ctx, input)
      : periods(input.interval, today, input.from, input.to);
  if (list.length === 0) return { interval: input.interval, points: [] };
  const scope = unitsInScope(ctx, input);
  const values = sql.join(
    list.map((p) => sql`(${p.period}, ${p.start}::date, ${p.end}::date, ${p.term ?? null}::int)`),
  );
  // The end as an instant: the period's last day in China included, never past now; a period
  // that ended before this month ended with a closed month, whose readiness is kept. Offset 0
  // computes them once rather than for each campaign and period they are compared with.
  const p = sql`(select key, start_on, end_on, term,
      least(((end_on + 1)::timestamp at time zone 'Asia/Shanghai'), ${now}::timestamptz) as end_at,
      case when end_on < ${monthOf(today)}::date then date_trunc('month', end_on)::date end as closed_month
    from (values ${values}) v(key, start_on, end_on, term) offset 0)`;
  const campaigns = campaignsInRound(ctx, input)
    .select(['c.id', 'c.framework_id', 'c.created_at', 'c.phase', 'c.phase_changed_at', 'c.term_start_year'])
    .where('c.unit_id', 'in', scope);
  // Month and year: the campaigns open at the period's end. Term: the campaigns of that term.
  const atPeriod = sql`
    select p.key, c.id, c.framework_id, p.end_at as as_of, p.closed_month
    from ${p} p join (${campaigns}) c on
      case when p.term is not null then c.term_start_year = p.term
      else c.created_at < p.end_at and not (c.phase in ('decided', 'withdrawn') and c.phase_changed_at < p.end_at) end`;
  const [r, evidence, answers, levels] = await Promise.all([
    readinessAtPeriods(ctx, atPeriod, scope),
    // Periods are whole months in China, as the month rollups are (migrations 2026_11_28_000000
    // and 030000, which keep FRESH_WITHIN_DAYS as @wenming/domain does).
    sql<{ key: string; items: number; fresh: number }>`
      select p.key, sum(f.filed_items)::int as items, sum(f.fresh_items)::int as fresh
      from ${p} p join unit_month_filings f on f.month between p.start_on and p.end_on
      where f.unit_id in (${scope})
      group by p.key`.execute(ctx.db),
    sql<{ key: string; answers: number; satisfied: number }>`
      select p.key, sum(t.answers)::int as answers, sum(t.satisfied)::int as satisfied
      from ${p} p join survey_month_tallies t on t.month between p.start_on and p.end_on
      where t.unit_id in (${scope})
      group by p.key`.execute(ctx.db),
    // The level each unit held at the end: its latest register entry decided (or recorded) by
    // then. History entered after registration carries its own (earlier) decision dates, so
    // the registration entry counts only until a decided entry exists.
    sql<{ key: string; level: StatusLevel; count: number }>`
      select p.key, s.level, count(*)::int as count
      from ${p} p cross join lateral (
        select distinct on (sr.unit_id) sr.level
        from status_records sr
        where sr.unit_id in (${scope})
          and coalesce(sr.decided_on, (sr.recorded_at at time zone 'Asia/Shanghai')::date) <= least(p.end_on, ${today}::date)
        order by sr.unit_id, sr.action = 'initial',
          coalesce(sr.decided_on, (sr.recorded_at at time zone 'Asia/Shanghai')::date) desc, sr.recorded_at desc
      ) s
      group by p.key, s.level`.execute(ctx.db),
  ]);
  const byKey = <T extends { key: string }>(rows: T[]) => new Map(rows.map((r) => [r.key, r]));
  const e = byKey(evidence.rows);
  const a = byKey(answers.rows);
  return {
    interval: input.interval,
    points: list.map((period) => {
      const rr = r.get(period.period);
      const ee = e.get(period.period);
      const aa = a.get(period.period);
      return {
        period: period.period,
        start: period.start,
        end: period.end,
        campaigns: Number(rr?.campaigns ?? 0),
        readiness: rr?.readiness == null ? null : Number(rr.readiness),
        evidenceFiled: Number(ee?.items ?? 0),
        freshness: ee && Number(ee.items) ? Number(ee.fresh) / Number(ee.items) : null,
        answers: Number(aa?.answers ?? 0),
        satisfaction: aa && Number(aa.answers) ? Number(aa.satisfied) / Number(aa.answers) : null,
        levels: STATUS_LEVELS.map((level) => ({
          level,
          count: Number(levels.rows.find((l) => l.key === period.period && l.level === level)?.count ?? 0),
        })).filter((l) => l.count > 0),
      };
    }),
  };
}
