import { type RawBuilder, sql } from 'kysely';

/** The units whose campaigns are read: their ids, or a subquery yielding them. */
type Units = readonly string[] | RawBuilder<unknown>;

/** Points-weighted readiness of the indicators grouped (the plain average when they carry no points). */
const weighted = sql`case when sum(ind.points) = 0 then avg(ind.readiness)
  else sum(ind.points * ind.readiness) / sum(ind.points) end::float8`;

/**
 * Ledger readiness of many campaigns in one statement — the SQL twin of `completeness()`
 * (matchMaterials + weightedReadiness in @wenming/domain), so a ranking of thousands of units
 * needs no round trip per unit. `campaigns` yields (key, id, framework_id, as_of): `as_of`
 * null reads the ledger as it is now, a timestamp reads it as it stood then (items filed
 * before, not yet retracted), which is what a trend needs. Answers (key, id, readiness).
 */
export function readinessOf(campaigns: RawBuilder<unknown>, units?: Units) {
  return sql<{ key: string; id: string; readiness: number }>`
    select cs.key, cs.id, ${weighted} as readiness
    ${perIndicator(campaigns, units)}
    group by cs.key, cs.id`;
}

/**
 * readinessOf, and the same per framework category (the comparison's radar) and per
 * indicator (its table of gaps): a row per campaign with `category_id` and `indicator_id`
 * null, one per category with only `indicator_id` null, and one per indicator.
 */
export function readinessBreakdown(campaigns: RawBuilder<unknown>, units?: Units) {
  return sql<{
    key: string;
    id: string;
    category_id: string | null;
    indicator_id: string | null;
    readiness: number;
  }>`
    select cs.key, cs.id, i.category_id, i.id as indicator_id, ${weighted} as readiness
    ${perIndicator(campaigns, units)}
    group by grouping sets ((cs.key, cs.id), (cs.key, cs.id, i.category_id), (cs.key, cs.id, i.category_id, i.id))`;
}

/**
 * `from` each campaign's framework indicators `i`, with their readiness as `ind`. The live
 * links of each campaign are folded per indicator into the distinct required materials they
 * name (`matched`, kept on each link by the migration 2026_11_28_020000), so no title is
 * read at all. `units` (the campaigns' units) lets their links be read by unit and hashed,
 * instead of item by item through the key: a comparison's ten units in ten index ranges, a
 * ranking's whole scope in one pass.
 */
function perIndicator(campaigns: RawBuilder<unknown>, units?: Units) {
  const live = sql`(case when cs.as_of is null then e.retracted_at is null
      else e.captured_at < cs.as_of and (e.retracted_at is null or e.retracted_at >= cs.as_of) end)`;
  return sql`from (${campaigns}) cs
    join framework_indicators i on i.framework_id = cs.framework_id
    left join (
      select cs.key, cs.id, ei.indicator_id, count(distinct m.ord) as met
      from (${campaigns}) cs
      join evidence_items e on e.campaign_id = cs.id
      join ${
        units
          ? // Offset 0 keeps the planner from looking each item's links up by key, which its
            // estimate of the campaigns (a few rows) would otherwise make it do.
            sql`(select * from evidence_indicators where unit_id in (${Array.isArray(units) ? sql.join(units) : units}) offset 0)`
          : sql`evidence_indicators`
      } ei on ei.evidence_id = e.id
      left join lateral unnest(ei.matched) m(ord) on true
      where ${live}
      group by cs.key, cs.id, ei.indicator_id
    ) l on l.key = cs.key and l.id = cs.id and l.indicator_id = i.id
    cross join lateral (
      select i.points::float8 as points,
        case when l.indicator_id is null then 0.0
        when cardinality(i.evidence) = 0 then 1.0
        else l.met::float8 / cardinality(i.evidence)
        end as readiness
    ) ind`;
}
