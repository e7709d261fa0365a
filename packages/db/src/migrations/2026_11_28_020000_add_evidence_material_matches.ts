import { type Kysely, sql } from 'kysely';

/**
 * Which of an indicator's required materials (佐证材料) each link of an item to the indicator
 * names, stored on the link as the materials' positions (1-based, as `unnest … with
 * ordinality` counts them). Readiness in SQL (rankings, the comparison, the trend) matched
 * every live link's title and materials against the names at each read: normalising a
 * million titles took 3.9 s of the city office's 5.4 s trend. The names of a framework's
 * indicators never change once imported, so the match changes only with the link or the
 * item's title, and triggers keep it then. The rules are matchMaterials' in @wenming/domain:
 * spaces (the ideographic one too) and case aside, the title contains the name or a material
 * is the name; the ranking test compares the two.
 */
// PL/pgSQL rather than SQL: it keeps its plan between calls, which a link's trigger makes one
// at a time (56 µs a link as SQL, 20 µs as PL/pgSQL; the generator files a million).
const MATCHES = `
  create function evidence_material_matches(title text, materials text[], required text[])
  returns smallint[] language plpgsql immutable parallel safe as $$
  begin
    return (select coalesce(array_agg(n.ord::smallint order by n.ord), '{}')
      from unnest(required) with ordinality n(name, ord)
      cross join lateral (select lower(regexp_replace(n.name, '[\\s\\u3000]+', '', 'g')) as name) k
      where strpos(lower(regexp_replace(title, '[\\s\\u3000]+', '', 'g')), k.name) > 0
        or k.name in (select lower(regexp_replace(m, '[\\s\\u3000]+', '', 'g')) from unnest(materials) m));
  end $$`;

/** A link's match, worked out whenever the link is written (its materials or indicator may change). */
const MATCH_LINK = `
  begin
    new.matched := evidence_material_matches(
      (select title from evidence_items where id = new.evidence_id), new.materials,
      (select evidence from framework_indicators where id = new.indicator_id));
    return new;
  end`;

/**
 * An item's retitling rewrites its links, whose own trigger matches them again. A column list
 * (`update of title`) cannot go with transition tables, so the titles are compared here.
 */
const REMATCH_ITEMS = `
  begin
    update evidence_indicators ei set matched = ei.matched
    from new_rows n join old_rows o on o.id = n.id
    where ei.evidence_id = n.id and n.title is distinct from o.title;
    return null;
  end`;

// Only links whose stored match is stale are rewritten: after the backfill, a few percent.
const REFRESH = `
  begin
    lock table evidence_items, evidence_indicators in share mode;
    update evidence_indicators ei set matched = evidence_material_matches(e.title, ei.materials, i.evidence)
    from evidence_items e, framework_indicators i
    where e.id = ei.evidence_id and i.id = ei.indicator_id
      and ei.matched is distinct from evidence_material_matches(e.title, ei.materials, i.evidence);
  end`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(MATCHES).execute(db);
  await sql`alter table evidence_indicators add column matched smallint[] not null default '{}'`.execute(db);
  await sql`create function match_evidence_link() returns trigger language plpgsql as ${sql.lit(MATCH_LINK)}`.execute(
    db,
  );
  await sql`create trigger evidence_indicators_match before insert or update on evidence_indicators
    for each row execute function match_evidence_link()`.execute(db);
  await sql`create function rematch_evidence_items() returns trigger language plpgsql as ${sql.lit(REMATCH_ITEMS)}`.execute(
    db,
  );
  await sql`create trigger evidence_items_rematch after update on evidence_items
    referencing old table as old_rows new table as new_rows
    for each statement execute function rematch_evidence_items()`.execute(db);
  // The backfill, and `cli rollups refresh` beside the other rollups.
  await sql`create function refresh_evidence_matches() returns void language plpgsql as ${sql.lit(REFRESH)}`.execute(
    db,
  );
  await sql`select refresh_evidence_matches()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger evidence_items_rematch on evidence_items`.execute(db);
  await sql`drop trigger evidence_indicators_match on evidence_indicators`.execute(db);
  await sql`drop function refresh_evidence_matches()`.execute(db);
  await sql`drop function rematch_evidence_items()`.execute(db);
  await sql`drop function match_evidence_link()`.execute(db);
  await sql`alter table evidence_indicators drop column matched`.execute(db);
  await sql`drop function evidence_material_matches(text, text[], text[])`.execute(db);
}
