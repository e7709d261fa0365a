import { type Kysely, sql } from 'kysely';

/**
 * The public answer path's batches each fire `survey_responses`' rollup trigger once. Its
 * first version ran the tally upsert through `EXECUTE format(…)` (one body shared with the
 * update/delete triggers of other tables), so PostgreSQL parsed and planned it again for
 * every batch — more time than the upsert itself. Answers are only ever inserted, so the
 * trigger needs no signed rows: written as plain SQL over the transition table, PL/pgSQL
 * plans it once per connection. Same figures as before (SATISFIED_FROM = 4 mirrors
 * @wenming/domain; the rollup check compares them with the base table).
 */
const SATISFIED_FROM = 4;

/** Exported for 2026_11_28_000000, which adds the month tallies to it. */
export const STATIC_BODY = `
  begin
    insert into survey_unit_tallies as t (unit_id, survey_id, office_id, answers, satisfied, score_sum)
    select d.unit_id, d.survey_id, (array_agg(d.office_id))[1], count(*),
      count(*) filter (where (a.value)::text::numeric >= ${SATISFIED_FROM}),
      sum((a.value)::text::numeric)
    from new_rows d cross join lateral jsonb_each(d.answers) a
    where jsonb_typeof(a.value) = 'number'
    group by d.unit_id, d.survey_id
    order by d.unit_id, d.survey_id
    on conflict (unit_id, survey_id) do update set answers = t.answers + excluded.answers,
      satisfied = t.satisfied + excluded.satisfied, score_sum = t.score_sum + excluded.score_sum;
    return null;
  end`;

// The body 2026_11_27_195000 created (its generic form, for inserts), restored by down().
const DYNAMIC_BODY = `
  declare rows text := 'select n.*, 1 as sign from new_rows n';
  begin
    execute format(${lit(`
      insert into survey_unit_tallies as t (unit_id, survey_id, office_id, answers, satisfied, score_sum)
      select d.unit_id, d.survey_id, (array_agg(d.office_id))[1], sum(d.sign),
        coalesce(sum(d.sign) filter (where (a.value)::text::numeric >= ${SATISFIED_FROM}), 0),
        sum(d.sign * (a.value)::text::numeric)
      from (%1$s) d cross join lateral jsonb_each(d.answers) a
      where jsonb_typeof(a.value) = 'number'
      group by d.unit_id, d.survey_id
      order by d.unit_id, d.survey_id
      on conflict (unit_id, survey_id) do update set answers = t.answers + excluded.answers,
        satisfied = t.satisfied + excluded.satisfied, score_sum = t.score_sum + excluded.score_sum`)}, rows);
    return null;
  end`;

function lit(text: string) {
  return `'${text.replaceAll("'", "''")}'`;
}

const replace = (db: Kysely<any>, body: string) =>
  sql`create or replace function rollup_survey_responses() returns trigger language plpgsql as ${sql.lit(body)}`.execute(
    db,
  );

export async function up(db: Kysely<any>): Promise<void> {
  await replace(db, STATIC_BODY);
}

export async function down(db: Kysely<any>): Promise<void> {
  await replace(db, DYNAMIC_BODY);
}
