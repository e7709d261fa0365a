import { type Kysely, sql } from 'kysely';
import { body } from './2026_11_27_195000_create_analytics_rollups';
import { EVENTS } from './2026_11_28_030000_add_unit_month_filings';

/**
 * Live links per (campaign, indicator, required material): how many of a campaign's live
 * items filed for an indicator name its n-th required material (`evidence_indicators.matched`,
 * 2026_11_28_020000). With `campaign_indicator_items` (any live item per indicator) this is a
 * campaign's readiness as the ledger page works it out, so rankings and the comparison sum a
 * few rows per campaign instead of joining a million items with their links (2.1 s for the
 * city's ranking). Kept like the coverage counters: signed deltas from the items' and the
 * links' statements. The items' trigger must see the links' matches as they were before a
 * retitling in the same statement rewrites them, so its name sorts before
 * `evidence_items_rematch` (triggers on one event fire in name order).
 */
const UPSERT = (deltas: string) => `
  insert into campaign_material_links as t (campaign_id, indicator_id, ord, office_id, unit_id, live_links)
  ${deltas}
  order by 1, 2, 3
  on conflict (campaign_id, indicator_id, ord) do update set live_links = t.live_links + excluded.live_links`;

const ITEM_DELTAS = (rows: string) =>
  UPSERT(`select s.campaign_id, ei.indicator_id, m.ord, (array_agg(s.office_id))[1], (array_agg(s.unit_id))[1], sum(s.sign)
  from (${rows}) s join evidence_indicators ei on ei.evidence_id = s.id cross join unnest(ei.matched) m(ord)
  where s.retracted_at is null and s.campaign_id is not null
  group by 1, 2, 3 having sum(s.sign) <> 0`);

const LINK_DELTAS = (rows: string) =>
  UPSERT(`select e.campaign_id, s.indicator_id, m.ord, (array_agg(e.office_id))[1], (array_agg(e.unit_id))[1], sum(s.sign)
  from (${rows}) s join evidence_items e on e.id = s.evidence_id cross join unnest(s.matched) m(ord)
  where e.retracted_at is null and e.campaign_id is not null
  group by 1, 2, 3 having sum(s.sign) <> 0`);

const TRIGGERS = [
  { table: 'evidence_items', fn: 'rollup_item_materials', statement: ITEM_DELTAS },
  { table: 'evidence_indicators', fn: 'rollup_link_materials', statement: LINK_DELTAS },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_material_links')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('indicator_id', 'uuid', (c) =>
      c.notNull().references('framework_indicators.id').onDelete('cascade'),
    )
    .addColumn('ord', 'smallint', (c) => c.notNull())
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id').onDelete('cascade'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('live_links', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('campaign_material_links_pkey', ['campaign_id', 'indicator_id', 'ord'])
    .execute();
  await sql`create index campaign_material_links_office_idx on campaign_material_links (office_id, unit_id)`.execute(
    db,
  );
  for (const { table, fn, statement } of TRIGGERS) {
    await sql`create function ${sql.id(fn)}() returns trigger language plpgsql as ${sql.lit(body(statement))}`.execute(
      db,
    );
    for (const [event, refs] of Object.entries(EVENTS)) {
      await sql`create trigger ${sql.id(`${table}_materials_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
        referencing ${sql.raw(refs)} for each statement execute function ${sql.id(fn)}()`.execute(db);
    }
  }
  // The backfill and `cli rollups refresh` (after the links' matches are refreshed).
  await sql`create function refresh_campaign_material_links() returns void language plpgsql as ${sql.lit(`
  begin
    lock table evidence_items, evidence_indicators in share mode;
    delete from campaign_material_links;
    ${LINK_DELTAS('select l.*, 1 as sign from evidence_indicators l')};
  end`)}`.execute(db);
  await sql`select refresh_campaign_material_links()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table, fn } of TRIGGERS) {
    for (const event of Object.keys(EVENTS))
      await sql`drop trigger ${sql.id(`${table}_materials_${event}`)} on ${sql.table(table)}`.execute(db);
    await sql`drop function ${sql.id(fn)}()`.execute(db);
  }
  await sql`drop function refresh_campaign_material_links()`.execute(db);
  await db.schema.dropTable('campaign_material_links').execute();
}
