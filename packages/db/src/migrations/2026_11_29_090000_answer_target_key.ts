import { type Kysely, sql } from 'kysely';
import { replaceTrigger, TALLY_BODY } from './2026_11_28_000000_add_survey_month_tallies';

/**
 * Two costs of every public answer, measured on batches of eight (the size sixteen
 * respondents give the group commit), in PostgreSQL's CPU per batch:
 *
 * - Three foreign keys (survey, office, unit), each checked row by row through its own
 *   query and row lock. An answer always belongs to a survey link (`survey_targets`), which
 *   names the same three, so one composite key to the link checks them at once — and says
 *   more: the unit is one the survey asked, and the office is that link's.
 * - The rollup trigger walked each answer's JSON twice (once per tally table) and went
 *   through text to reach a number. It now scores each answer once and feeds both upserts
 *   from that, in one statement.
 *
 * Same figures as before: SATISFIED_FROM = 4 mirrors @wenming/domain, and the rollup check
 * and tests compare both tally tables with the answers.
 */
const SATISFIED_FROM = 4;

const SCORED_ONCE = `
  begin
    with scored as materialized (
      select d.unit_id, d.survey_id, d.office_id,
        date_trunc('month', d.submitted_at at time zone 'Asia/Shanghai')::date as month, s.*
      from new_rows d cross join lateral (
        select count(*)::int as answers, count(*) filter (where v >= ${SATISFIED_FROM})::int as satisfied,
          sum(v) as score_sum
        from (select (a.value)::numeric as v from jsonb_each(d.answers) a
              where jsonb_typeof(a.value) = 'number') n) s
      where s.answers > 0),
    by_unit as (
      insert into survey_unit_tallies as t (unit_id, survey_id, office_id, answers, satisfied, score_sum)
      select unit_id, survey_id, (array_agg(office_id))[1], sum(answers), sum(satisfied), sum(score_sum)
      from scored
      group by unit_id, survey_id
      order by unit_id, survey_id
      on conflict (unit_id, survey_id) do update set answers = t.answers + excluded.answers,
        satisfied = t.satisfied + excluded.satisfied, score_sum = t.score_sum + excluded.score_sum)
    insert into survey_month_tallies as t (unit_id, month, survey_id, office_id, answers, satisfied)
    select unit_id, month, survey_id, (array_agg(office_id))[1], sum(answers), sum(satisfied)
    from scored
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (unit_id, month, survey_id) do update set answers = t.answers + excluded.answers,
      satisfied = t.satisfied + excluded.satisfied;
    return null;
  end`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table survey_targets
    add constraint survey_targets_answer_key unique (survey_id, unit_id, office_id)`.execute(db);
  await sql`alter table survey_responses
    drop constraint survey_responses_survey_id_fkey,
    drop constraint survey_responses_office_id_fkey,
    drop constraint survey_responses_unit_id_fkey,
    add constraint survey_responses_target_fkey foreign key (survey_id, unit_id, office_id)
      references survey_targets (survey_id, unit_id, office_id)`.execute(db);
  await replaceTrigger(db, SCORED_ONCE);
}

export async function down(db: Kysely<any>): Promise<void> {
  await replaceTrigger(db, TALLY_BODY);
  await sql`alter table survey_responses
    drop constraint survey_responses_target_fkey,
    add constraint survey_responses_survey_id_fkey foreign key (survey_id) references surveys (id),
    add constraint survey_responses_office_id_fkey foreign key (office_id) references offices (id),
    add constraint survey_responses_unit_id_fkey foreign key (unit_id) references units (id)`.execute(db);
  await sql`alter table survey_targets drop constraint survey_targets_answer_key`.execute(db);
}
