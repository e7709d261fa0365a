import { type Kysely, sql } from 'kysely';
import { STATIC_BODY } from './2026_11_27_213000_static_survey_tally_trigger';

/**
 * Satisfaction by unit, survey and month (in China), for the analytics trend. The trend
 * summed every answer of its twelve months with `jsonb_each` — 24 s of a 48 s trend for the
 * city office at city scale (4M answers). The answers' rollup trigger now keeps this table
 * too, in the same statement as `survey_unit_tallies` (answers are only ever inserted);
 * the trend sums a month's rows instead. SATISFIED_FROM = 4 mirrors @wenming/domain, as in
 * 2026_11_27_213000; the rollup check compares both tables with the answers.
 */
const SATISFIED_FROM = 4;

/** The month tallies of the answers in `rows` (a table or transition table), upserted. */
const MONTHS = (rows: string) => `
    insert into survey_month_tallies as t (unit_id, month, survey_id, office_id, answers, satisfied)
    select d.unit_id, date_trunc('month', d.submitted_at at time zone 'Asia/Shanghai')::date, d.survey_id,
      (array_agg(d.office_id))[1], count(*),
      count(*) filter (where (a.value)::text::numeric >= ${SATISFIED_FROM})
    from ${rows} d cross join lateral jsonb_each(d.answers) a
    where jsonb_typeof(a.value) = 'number'
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (unit_id, month, survey_id) do update set answers = t.answers + excluded.answers,
      satisfied = t.satisfied + excluded.satisfied`;

/** Both tallies, as this migration leaves the trigger (2026_11_29_090000's down() restores it). */
export const TALLY_BODY = STATIC_BODY.replace('return null;', `${MONTHS('new_rows')};\n    return null;`);

/** Also used by 2026_11_29_090000, which replaces the same function again. */
export const replaceTrigger = (db: Kysely<any>, body: string) =>
  sql`create or replace function rollup_survey_responses() returns trigger language plpgsql as ${sql.lit(body)}`.execute(
    db,
  );

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey_month_tallies')
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id').onDelete('cascade'))
    .addColumn('answers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('satisfied', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('survey_month_tallies_pkey', ['unit_id', 'month', 'survey_id'])
    .execute();
  await sql`create index survey_month_tallies_office_idx on survey_month_tallies (office_id, unit_id)`.execute(
    db,
  );
  if (!STATIC_BODY.includes('return null;')) throw new Error('the tally trigger body changed shape');
  await replaceTrigger(db, TALLY_BODY);
  // Rebuilds the month tallies from the answers: the backfill below, and `cli rollups refresh`
  // beside refresh_rollups(). Writers wait meanwhile.
  await sql`create function refresh_survey_month_tallies() returns void language plpgsql as ${sql.lit(`
  begin
    lock table survey_responses in share mode;
    delete from survey_month_tallies;
    ${MONTHS('survey_responses')};
  end`)}`.execute(db);
  await sql`select refresh_survey_month_tallies()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await replaceTrigger(db, STATIC_BODY);
  await sql`drop function refresh_survey_month_tallies()`.execute(db);
  await db.schema.dropTable('survey_month_tallies').execute();
}
