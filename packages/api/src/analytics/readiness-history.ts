import { type Expression, type RawBuilder, sql } from 'kysely';

/**
 * Ledger readiness of campaigns as it stood at past instants — the trend's twelve months or
 * five years — in one pass over their ledgers instead of one per instant (readinessOf reads
 * the present from rollups, which keep no history). `campaigns` yields (key, id,
 * framework_id, as_of) with `as_of` set; `units` are their units. Each link of an item to an
 * indicator says from when to when it counted (filed at `captured_at`, live until retracted)
 * and which of the indicator's required materials it names (`matched`). Folded per (campaign,
 * indicator, material) into "live since" (the first link never retracted) and the spans of
 * those retracted since, the instants are looked up in a few hundred thousand rows rather
 * than a million links each. The ledger page's figures at each instant: ranking.db.test.ts
 * compares the two.
 */
export function readinessHistory(campaigns: RawBuilder<unknown>, units: Expression<unknown>) {
  return sql<{ key: string; id: string; readiness: number }>`
    with cs as materialized (select distinct key, id, framework_id, as_of from (${campaigns}) c),
    inds as materialized (
      select i.id, i.framework_id, i.points, cardinality(i.evidence) as required
      from framework_indicators i where i.framework_id in (select framework_id from cs)),
    -- ord 0: any live item; ord n: the indicator's n-th required material.
    spans as materialized (
      select e.campaign_id as cid, ei.indicator_id as iid, m.ord,
        min(e.captured_at) filter (where e.retracted_at is null) as since,
        array_agg(tstzrange(e.captured_at, e.retracted_at, '(]')) filter (where e.retracted_at is not null) as spans
      from (select distinct id from cs) c
      join evidence_items e on e.campaign_id = c.id
      -- Read by unit and hashed: offset 0 keeps the planner from looking each item's links up
      -- by key, which its estimate of the campaigns (a few rows) would otherwise make it do.
      join (select * from evidence_indicators where unit_id in (${units}) offset 0) ei on ei.evidence_id = e.id
      cross join lateral unnest(array[0::smallint] || ei.matched) m(ord)
      where e.captured_at < (select max(as_of) from cs)
      group by 1, 2, 3),
    counted as (
      select cs.key, s.cid, s.iid, bool_or(s.ord = 0) as live, count(*) filter (where s.ord > 0) as met
      from cs join spans s on s.cid = cs.id
      where s.since < cs.as_of or exists (select 1 from unnest(s.spans) r where cs.as_of <@ r)
      group by 1, 2, 3),
    -- An indicator without a live item adds nothing but its points: only the live ones are
    -- summed, over each framework's total (readinessOf's weighting, without a row per indicator).
    frameworks as (
      select framework_id, sum(points)::float8 as points, count(*)::float8 as indicators from inds group by 1),
    scored as (
      select k.key, k.cid, sum(i.points::float8 * r.readiness) as weighted, sum(r.readiness) as plain
      from counted k join inds i on i.id = k.iid
      cross join lateral (
        select case when i.required = 0 then 1.0 else k.met::float8 / i.required end as readiness) r
      where k.live
      group by 1, 2)
    select cs.key, cs.id, (case when f.points = 0 then coalesce(s.plain, 0) / f.indicators
      else coalesce(s.weighted, 0) / f.points end)::float8 as readiness
    from cs join frameworks f on f.framework_id = cs.framework_id
    left join scored s on s.key = cs.key and s.cid = cs.id`;
}
