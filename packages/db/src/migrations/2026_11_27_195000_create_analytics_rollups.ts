import { type Kysely, sql } from 'kysely';

/**
 * Rollups the analytics overview and comparison read instead of scanning millions of rows
 * (docs/scaling.md, "Analytics: incrementally maintained rollups"). Statement-level triggers
 * keep them exact in the same transaction as the rows they count, on every write path —
 * the API, imports, carrying forward and the generator's bulk inserts alike: each trigger
 * turns its statement's transition table into signed deltas (+1 per new row, −1 per old
 * row) and applies them with one upsert per unit, campaign or (unit, survey). Each upsert
 * takes its rows' locks in key order, so two statements touching the same units (answer
 * batches from two server instances) queue behind each other instead of deadlocking.
 *
 * The thresholds mirror @wenming/domain (SATISFIED_FROM = 4, FRESH_WITHIN_DAYS = 7); the
 * rollup test compares these figures with aggregates over the base tables, so a change
 * there that is not made here fails it.
 */
const SATISFIED_FROM = 4;
const FRESH_WITHIN_DAYS = 7;

/** The statement's rows, each with its sign: new rows count +1, old rows −1. */
const SIGNED_ROWS = `case tg_op
    when 'INSERT' then 'select n.*, 1 as sign from new_rows n'
    when 'DELETE' then 'select o.*, -1 as sign from old_rows o'
    else 'select n.*, 1 as sign from new_rows n union all select o.*, -1 as sign from old_rows o' end`;

// An item counts towards freshness when it is live and was filed in this term (not carried forward).
const FRESHNESS = (rows: string) => `
  insert into unit_rollups as t (unit_id, office_id, filed_items, fresh_items)
  select d.unit_id, (array_agg(d.office_id))[1], sum(d.sign), coalesce(sum(d.sign) filter (where d.fresh), 0)
  from (select s.unit_id, s.office_id, s.sign,
          (s.captured_at at time zone 'Asia/Shanghai')::date - s.event_date <= ${FRESH_WITHIN_DAYS} as fresh
        from (${rows}) s where s.retracted_at is null and s.carried_from is null) d
  group by d.unit_id
  having sum(d.sign) <> 0 or coalesce(sum(d.sign) filter (where d.fresh), 0) <> 0
  order by d.unit_id
  on conflict (unit_id) do update set filed_items = t.filed_items + excluded.filed_items,
    fresh_items = t.fresh_items + excluded.fresh_items, office_id = excluded.office_id`;

/**
 * Applies per-(campaign, indicator) deltas of live items. The upsert returns each row's new
 * count; minus its delta that is the count before, exact even when another transaction
 * changed the row meanwhile — so an indicator's 0 ↔ >0 crossings keep `campaign_coverage`
 * exact too.
 */
const COVERAGE = (deltas: string) => `
  with d as materialized (${deltas}),
  up as (
    insert into campaign_indicator_items as t (campaign_id, indicator_id, office_id, unit_id, live_items)
    select campaign_id, indicator_id, office_id, unit_id, delta from d order by campaign_id, indicator_id
    on conflict (campaign_id, indicator_id) do update set live_items = t.live_items + excluded.live_items
    returning t.campaign_id, t.indicator_id, t.office_id, t.unit_id, t.live_items)
  insert into campaign_coverage as c (campaign_id, office_id, unit_id, covered_indicators)
  select up.campaign_id, (array_agg(up.office_id))[1], (array_agg(up.unit_id))[1],
    sum(case when up.live_items > 0 and up.live_items - d.delta <= 0 then 1
             when up.live_items <= 0 and up.live_items - d.delta > 0 then -1 else 0 end)
  from up join d on d.campaign_id = up.campaign_id and d.indicator_id = up.indicator_id
  group by up.campaign_id
  having sum(case when up.live_items > 0 and up.live_items - d.delta <= 0 then 1
                  when up.live_items <= 0 and up.live_items - d.delta > 0 then -1 else 0 end) <> 0
  order by up.campaign_id
  on conflict (campaign_id) do update set covered_indicators = c.covered_indicators + excluded.covered_indicators`;

// An item's indicator links count while the item is live and belongs to a campaign.
const ITEM_DELTAS = (rows: string) => `
  select s.campaign_id, ei.indicator_id, (array_agg(s.office_id))[1] as office_id,
    (array_agg(s.unit_id))[1] as unit_id, sum(s.sign)::int as delta
  from (${rows}) s join evidence_indicators ei on ei.evidence_id = s.id
  where s.retracted_at is null and s.campaign_id is not null
  group by s.campaign_id, ei.indicator_id having sum(s.sign) <> 0`;

const LINK_DELTAS = (rows: string) => `
  select e.campaign_id, s.indicator_id, (array_agg(e.office_id))[1] as office_id,
    (array_agg(e.unit_id))[1] as unit_id, sum(s.sign)::int as delta
  from (${rows}) s join evidence_items e on e.id = s.evidence_id
  where e.retracted_at is null and e.campaign_id is not null
  group by e.campaign_id, s.indicator_id having sum(s.sign) <> 0`;

const SATISFACTION = (rows: string) => `
  insert into survey_unit_tallies as t (unit_id, survey_id, office_id, answers, satisfied, score_sum)
  select d.unit_id, d.survey_id, (array_agg(d.office_id))[1], sum(d.sign),
    coalesce(sum(d.sign) filter (where (a.value)::text::numeric >= ${SATISFIED_FROM}), 0),
    sum(d.sign * (a.value)::text::numeric)
  from (${rows}) d cross join lateral jsonb_each(d.answers) a
  where jsonb_typeof(a.value) = 'number'
  group by d.unit_id, d.survey_id
  order by d.unit_id, d.survey_id
  on conflict (unit_id, survey_id) do update set answers = t.answers + excluded.answers,
    satisfied = t.satisfied + excluded.satisfied, score_sum = t.score_sum + excluded.score_sum`;

// A task counts while it is open and its deadline is before the rollups' overdue date.
const OVERDUE = (rows: string) => `
  insert into unit_rollups as t (unit_id, office_id, overdue_tasks)
  select d.unit_id, (array_agg(d.office_id))[1], sum(d.sign)
  from (${rows}) d
  where d.status <> 'done' and d.deadline < (select overdue_as_of from rollup_state)
  group by d.unit_id having sum(d.sign) <> 0
  order by d.unit_id
  on conflict (unit_id) do update set overdue_tasks = t.overdue_tasks + excluded.overdue_tasks,
    office_id = excluded.office_id`;

/** A plpgsql body running each statement over this trigger's signed transition rows. */
export const body = (...statements: ((rows: string) => string)[]) => `
  declare rows text := ${SIGNED_ROWS};
  begin
    ${statements.map((s) => `execute ${quote(s('%s'))} using rows;`).join('\n    ')}
    return null;
  end`;
// EXECUTE … USING cannot splice a subquery, so format() does: %1$s is the signed rows.
const quote = (text: string) => `format(${literal(text.replaceAll('%s', '%1$s'))}, rows)`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

const TRIGGERS: { table: string; fn: string; events: ('insert' | 'update' | 'delete')[] }[] = [
  { table: 'survey_responses', fn: 'rollup_survey_responses', events: ['insert'] },
  { table: 'evidence_items', fn: 'rollup_evidence_items', events: ['insert', 'update', 'delete'] },
  { table: 'evidence_indicators', fn: 'rollup_evidence_indicators', events: ['insert', 'update', 'delete'] },
  { table: 'tasks', fn: 'rollup_tasks', events: ['insert', 'update', 'delete'] },
];

// A rollup of a row that is deleted goes with it (cascade): it counts nothing any more.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey_unit_tallies')
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id').onDelete('cascade'))
    // Numeric answers (scale questions), not responses: the overview's satisfaction unit.
    .addColumn('answers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('satisfied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('score_sum', 'numeric', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('survey_unit_tallies_pkey', ['unit_id', 'survey_id'])
    .execute();
  await db.schema
    .createTable('campaign_indicator_items')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('indicator_id', 'uuid', (c) =>
      c.notNull().references('framework_indicators.id').onDelete('cascade'),
    )
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id').onDelete('cascade'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('live_items', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('campaign_indicator_items_pkey', ['campaign_id', 'indicator_id'])
    .execute();
  await db.schema
    .createTable('campaign_coverage')
    .addColumn('campaign_id', 'uuid', (c) => c.primaryKey().references('campaigns.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id').onDelete('cascade'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id').onDelete('cascade'))
    // Indicators with at least one live item: campaign_indicator_items rows with live_items > 0.
    .addColumn('covered_indicators', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('unit_rollups')
    .addColumn('unit_id', 'uuid', (c) => c.primaryKey().references('units.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('offices.id').onDelete('cascade'))
    .addColumn('filed_items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fresh_items', 'integer', (c) => c.notNull().defaultTo(0))
    // Open tasks due before rollup_state.overdue_as_of; readers add the tasks that fell
    // due between that date and today (a short index range), so the figure is always exact.
    .addColumn('overdue_tasks', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('rollup_state')
    .addColumn('id', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('overdue_as_of', 'date', (c) => c.notNull())
    .execute();
  for (const table of [
    'campaign_indicator_items',
    'campaign_coverage',
    'unit_rollups',
    'survey_unit_tallies',
  ]) {
    await sql`create index ${sql.id(`${table}_office_idx`)} on ${sql.table(table)} (office_id, unit_id)`.execute(
      db,
    );
  }
  await sql`create index tasks_open_deadline_idx on tasks (deadline, unit_id) where status <> 'done'`.execute(
    db,
  );

  const fns: Record<string, string> = {
    rollup_survey_responses: body(SATISFACTION),
    rollup_evidence_items: body(FRESHNESS, (rows) => COVERAGE(ITEM_DELTAS(rows))),
    rollup_evidence_indicators: body((rows) => COVERAGE(LINK_DELTAS(rows))),
    rollup_tasks: body(OVERDUE),
  };
  for (const [fn, text] of Object.entries(fns)) {
    await sql`create function ${sql.id(fn)}() returns trigger language plpgsql as ${sql.lit(text)}`.execute(
      db,
    );
  }
  for (const { table, fn, events } of TRIGGERS) {
    for (const event of events) {
      const refs = {
        insert: 'new table as new_rows',
        update: 'old table as old_rows new table as new_rows',
        delete: 'old table as old_rows',
      }[event];
      await sql`create trigger ${sql.id(`${table}_rollup_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
        referencing ${sql.raw(refs)} for each statement execute function ${sql.id(fn)}()`.execute(db);
    }
  }

  // Rebuilds every rollup from the base tables: the backfill below and `cli rollups refresh`.
  // Writers wait meanwhile (share locks), so nothing is missed.
  await sql`create function refresh_rollups(as_of date) returns void language plpgsql as $$
  begin
    lock table survey_responses, evidence_items, evidence_indicators, tasks in share mode;
    delete from survey_unit_tallies;
    delete from campaign_coverage;
    delete from campaign_indicator_items;
    delete from unit_rollups;
    insert into rollup_state (id, overdue_as_of) values (true, as_of)
      on conflict (id) do update set overdue_as_of = excluded.overdue_as_of;
    execute format(${sql.lit(SATISFACTION('%1$s'))}, 'select r.*, 1 as sign from survey_responses r');
    execute format(${sql.lit(FRESHNESS('%1$s'))}, 'select e.*, 1 as sign from evidence_items e');
    execute format(${sql.lit(COVERAGE(LINK_DELTAS('%1$s')))}, 'select l.*, 1 as sign from evidence_indicators l');
    execute format(${sql.lit(OVERDUE('%1$s'))}, 'select t.*, 1 as sign from tasks t');
  end $$`.execute(db);

  // Moves the overdue date to `as_of` (the scheduler does daily), so readers' range stays short.
  await sql`create function roll_overdue_forward(as_of date) returns void language plpgsql as $$
  begin
    lock table tasks in share mode;
    update rollup_state set overdue_as_of = as_of;
    update unit_rollups set overdue_tasks = 0 where overdue_tasks <> 0;
    execute format(${sql.lit(OVERDUE('%1$s'))}, 'select t.*, 1 as sign from tasks t');
  end $$`.execute(db);

  await sql`select refresh_rollups((now() at time zone 'Asia/Shanghai')::date)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table, events } of TRIGGERS) {
    for (const event of events)
      await sql`drop trigger ${sql.id(`${table}_rollup_${event}`)} on ${sql.table(table)}`.execute(db);
  }
  for (const fn of [...TRIGGERS.map((t) => t.fn), 'refresh_rollups', 'roll_overdue_forward']) {
    await sql`drop function ${sql.id(fn)}`.execute(db);
  }
  await sql`drop index tasks_open_deadline_idx`.execute(db);
  for (const table of [
    'rollup_state',
    'unit_rollups',
    'campaign_coverage',
    'campaign_indicator_items',
    'survey_unit_tallies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
