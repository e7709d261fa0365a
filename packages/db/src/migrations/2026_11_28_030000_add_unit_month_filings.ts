import { type Kysely, sql } from 'kysely';
import { body } from './2026_11_27_195000_create_analytics_rollups';

/**
 * Items filed by unit and month (in China), and how many of them fresh, for the analytics
 * trend: its freshness read every item of the period in scope, 0.85 s of the city office's
 * trend at city scale (1M items). The counts follow `unit_rollups`' freshness (2026_11_27_195000):
 * live items filed in this term, not carried forward, fresh when filed within
 * FRESH_WITHIN_DAYS (7, as in @wenming/domain) of the event; a statement-level trigger applies
 * each statement's rows as signed deltas, so a retraction takes its item out of the month it
 * was filed in. The rollup check compares the table with the items.
 */
const FRESH_WITHIN_DAYS = 7;

const MONTHS = (rows: string) => `
  insert into unit_month_filings as t (unit_id, month, office_id, filed_items, fresh_items)
  select d.unit_id, d.month, (array_agg(d.office_id))[1], sum(d.sign), coalesce(sum(d.sign) filter (where d.fresh), 0)
  from (select s.unit_id, s.office_id, s.sign,
          date_trunc('month', s.captured_at at time zone 'Asia/Shanghai')::date as month,
          (s.captured_at at time zone 'Asia/Shanghai')::date - s.event_date <= ${FRESH_WITHIN_DAYS} as fresh
        from (${rows}) s where s.retracted_at is null and s.carried_from is null) d
  group by d.unit_id, d.month
  having sum(d.sign) <> 0 or coalesce(sum(d.sign) filter (where d.fresh), 0) <> 0
  order by d.unit_id, d.month
  on conflict (unit_id, month) do update set filed_items = t.filed_items + excluded.filed_items,
    fresh_items = t.fresh_items + excluded.fresh_items`;

/** Each event's transition tables, for statement-level rollup triggers. */
export const EVENTS = {
  insert: 'new table as new_rows',
  update: 'old table as old_rows new table as new_rows',
  delete: 'old table as old_rows',
} as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_month_filings')
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id').onDelete('cascade'))
    .addColumn('filed_items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fresh_items', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('unit_month_filings_pkey', ['unit_id', 'month'])
    .execute();
  await sql`create index unit_month_filings_office_idx on unit_month_filings (office_id, unit_id)`.execute(
    db,
  );
  await sql`create function rollup_evidence_months() returns trigger language plpgsql as ${sql.lit(body(MONTHS))}`.execute(
    db,
  );
  for (const [event, refs] of Object.entries(EVENTS)) {
    await sql`create trigger ${sql.id(`evidence_items_months_${event}`)} after ${sql.raw(event)} on evidence_items
      referencing ${sql.raw(refs)} for each statement execute function rollup_evidence_months()`.execute(db);
  }
  // The backfill, `cli rollups refresh`, and the demo's date shift (items moved across a
  // month's end count in the next month). Writers wait meanwhile.
  await sql`create function refresh_unit_month_filings() returns void language plpgsql as ${sql.lit(`
  begin
    lock table evidence_items in share mode;
    delete from unit_month_filings;
    ${MONTHS('select e.*, 1 as sign from evidence_items e')};
  end`)}`.execute(db);
  await sql`select refresh_unit_month_filings()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const event of Object.keys(EVENTS))
    await sql`drop trigger ${sql.id(`evidence_items_months_${event}`)} on evidence_items`.execute(db);
  await sql`drop function refresh_unit_month_filings()`.execute(db);
  await sql`drop function rollup_evidence_months()`.execute(db);
  await db.schema.dropTable('unit_month_filings').execute();
}
