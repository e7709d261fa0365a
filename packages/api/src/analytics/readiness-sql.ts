import { type RawBuilder, sql } from 'kysely';

/** Spaces (including the ideographic one) and case do not matter when matching material names. */
const norm = (expr: RawBuilder<unknown>) => sql`lower(regexp_replace(${expr}, '[\\s\\u3000]+', '', 'g'))`;

/**
 * Ledger readiness of many campaigns in one statement — the SQL twin of `completeness()`
 * (matchMaterials + weightedReadiness in @wenming/domain), so a ranking of thousands of units
 * needs no round trip per unit. `campaigns` yields (key, id, framework_id, as_of): `as_of`
 * null reads the ledger as it is now, a timestamp reads it as it stood then (items filed
 * before, not yet retracted), which is what a trend needs. Answers (key, id, readiness).
 */
export function readinessOf(campaigns: RawBuilder<unknown>) {
  const live = sql`(case when cs.as_of is null then e.retracted_at is null
      else e.captured_at < cs.as_of and (e.retracted_at is null or e.retracted_at >= cs.as_of) end)`;
  const filed = (extra: RawBuilder<unknown>) => sql`exists (
      select 1 from evidence_indicators ei join evidence_items e on e.id = ei.evidence_id
      where ei.indicator_id = i.id and e.campaign_id = cs.id and ${live} and ${extra})`;
  const met = filed(sql`(
      exists (select 1 from unnest(ei.materials) fm(x) where ${norm(sql`fm.x`)} = ${norm(sql`m.name`)})
      or strpos(${norm(sql`e.title`)}, ${norm(sql`m.name`)}) > 0)`);
  return sql<{ key: string; id: string; readiness: number }>`
    select cs.key, cs.id,
      case when sum(ind.points) = 0 then avg(ind.readiness) else sum(ind.points * ind.readiness) / sum(ind.points) end::float8 as readiness
    from (${campaigns}) cs
    join framework_indicators i on i.framework_id = cs.framework_id
    cross join lateral (
      select i.points::float8 as points,
        case when cardinality(i.evidence) = 0 then (case when ${filed(sql`true`)} then 1.0 else 0.0 end)
        else (select count(*) from unnest(i.evidence) m(name) where ${met})::float8 / cardinality(i.evidence)
        end as readiness
    ) ind
    group by cs.key, cs.id`;
}
