import { type RawBuilder, sql } from 'kysely';

/** Points-weighted readiness of the indicators grouped (the plain average when they carry no points). */
const weighted = sql`case when sum(ind.points) = 0 then avg(ind.readiness)
  else sum(ind.points * ind.readiness) / sum(ind.points) end::float8`;

/**
 * Ledger readiness of many campaigns in one statement, as it is now — the SQL twin of
 * `completeness()` (matchMaterials + weightedReadiness in @wenming/domain), so a ranking of
 * thousands of units needs no round trip per unit. `campaigns` yields (key, id,
 * framework_id). Answers (key, id, readiness).
 */
export function readinessOf(campaigns: RawBuilder<unknown>) {
  return sql<{ key: string; id: string; readiness: number }>`
    select cs.key, cs.id, ${weighted} as readiness
    ${perIndicator(campaigns)}
    group by cs.key, cs.id`;
}

/**
 * readinessOf, and the same per framework category (the comparison's radar) and per
 * indicator (its table of gaps): a row per campaign with `category_id` and `indicator_id`
 * null, one per category with only `indicator_id` null, and one per indicator.
 */
export function readinessBreakdown(campaigns: RawBuilder<unknown>) {
  return sql<{
    key: string;
    id: string;
    category_id: string | null;
    indicator_id: string | null;
    readiness: number;
  }>`
    select cs.key, cs.id, i.category_id, i.id as indicator_id, ${weighted} as readiness
    ${perIndicator(campaigns)}
    group by grouping sets ((cs.key, cs.id), (cs.key, cs.id, i.category_id), (cs.key, cs.id, i.category_id, i.id))`;
}

/**
 * `from` each campaign's framework indicators `i`, with their readiness as `ind`, read from
 * the rollups the ledger's triggers keep: whether an indicator has a live item
 * (`campaign_indicator_items`) and how many of its required materials live items name
 * (`campaign_material_links`) — a few rows per campaign, not its items.
 */
function perIndicator(campaigns: RawBuilder<unknown>) {
  return sql`from (${campaigns}) cs
    join framework_indicators i on i.framework_id = cs.framework_id
    left join campaign_indicator_items l on l.campaign_id = cs.id and l.indicator_id = i.id and l.live_items > 0
    left join (
      select campaign_id, indicator_id, count(*) as met from campaign_material_links
      where live_links > 0 and campaign_id in (select id from (${campaigns}) c)
      group by campaign_id, indicator_id
    ) m on m.campaign_id = cs.id and m.indicator_id = i.id
    cross join lateral (
      select i.points::float8 as points,
        case when l.campaign_id is null then 0.0
        when cardinality(i.evidence) = 0 then 1.0
        else coalesce(m.met, 0)::float8 / cardinality(i.evidence)
        end as readiness
    ) ind`;
}
