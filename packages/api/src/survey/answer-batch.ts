import { type Db, runPrepared } from '@wenming/db';
import { CompiledQuery } from 'kysely';

export interface PendingAnswer {
  /** The rate-limit counter this answer counts against (per address). */
  rateKey: string;
  limit: number;
  windowSeconds: number;
  now: Date;
  /** None for a refused answer: it only counts against its address. */
  row?: {
    survey_id: string;
    office_id: string;
    unit_id: string;
    respondent: string;
    answers: string;
  };
}

/** `counted`: a refused answer's hit was recorded; `closed`: the survey is no longer open. */
export type AnswerOutcome = 'stored' | 'rate_limited' | 'already_answered' | 'closed' | 'counted';

interface Waiting {
  answer: PendingAnswer;
  resolve(outcome: AnswerOutcome): void;
  reject(error: unknown): void;
}

/** Large enough to absorb a burst, small enough to keep one statement's parameters modest. */
const MAX_BATCH = 500;

/**
 * Group commit for the public answer path. Answers that arrive while a batch is being
 * written wait for the next one; each batch is one statement, so one transaction — the
 * rate-limit counters and the answers together — and every respondent hears back only after
 * it committed. Under load this turns thousands of tiny commits (each an
 * fsync) into a few large ones; an idle server writes a lone answer at once.
 */
class AnswerBatcher {
  private queue: Waiting[] = [];
  private writing = false;
  /**
   * Counters known to be over their limit in their window. A window's count only grows, so
   * a flood is refused here without another trip to Postgres, which stays the authority.
   */
  private exhausted = new Set<string>();

  constructor(private readonly db: Db) {}

  submit(answer: PendingAnswer): Promise<AnswerOutcome> {
    if (this.exhausted.has(counterOf(answer))) return Promise.resolve('rate_limited');
    return new Promise((resolve, reject) => {
      this.queue.push({ answer, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        // Let the answers parsed in the same turn of the event loop join the first batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain() {
    let batch = this.queue.splice(0, MAX_BATCH);
    let written = this.write(batch);
    while (batch.length > 0) {
      const settled = await written;
      const done = batch;
      // The next batch goes to Postgres before this one's respondents hear back, so their
      // replies are written while Postgres works on it, not in front of it.
      batch = this.queue.splice(0, MAX_BATCH);
      if (batch.length > 0) written = this.write(batch);
      this.settle(done, settled);
    }
    this.writing = false;
  }

  private write(batch: Waiting[]): Promise<Settled> {
    return writeBatch(
      this.db,
      batch.map((w) => w.answer),
    ).then(
      (outcomes) => ({ outcomes }),
      (error: unknown) => ({ error }),
    );
  }

  private settle(batch: Waiting[], settled: Settled) {
    if ('error' in settled) {
      // Nothing of the batch was committed: every respondent gets the error, none is lost.
      for (const w of batch) w.reject(settled.error);
      return;
    }
    if (this.exhausted.size > 10_000) this.exhausted.clear();
    batch.forEach((w, i) => {
      const outcome = settled.outcomes[i]!;
      if (outcome === 'rate_limited') this.exhausted.add(counterOf(w.answer));
      w.resolve(outcome);
    });
  }
}

type Settled = { outcomes: AnswerOutcome[] } | { error: unknown };

const batchers = new WeakMap<Db, AnswerBatcher>();

/** Stores one answer through its database's batcher; resolves once it is durable (or refused). */
export function submitAnswer(db: Db, answer: PendingAnswer): Promise<AnswerOutcome> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new AnswerBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.submit(answer);
}

const windowOf = (a: PendingAnswer) =>
  new Date(Math.floor(a.now.getTime() / (a.windowSeconds * 1000)) * a.windowSeconds * 1000);
const counterOf = (a: PendingAnswer) => `${a.rateKey}|${windowOf(a).getTime()}`;

/**
 * One batch in one statement, so one round trip and one commit: the counters bumped (one
 * row per address and window, upserted in key order so two instances cannot deadlock), the
 * batch's hits numbered in arrival order after the hits before it, the surveys' status read
 * where the answers are written (a survey closed a moment ago, on any instance, takes no
 * more), one answer per browser, and each answer's outcome. The texts never change, so
 * they are written once here (prepared once per connection, planned once) and each batch
 * only sends its column arrays.
 */
const COUNTED = `counted as (
    insert into rate_limits as r (key, window_start, hits)
    select key, window_start, count(*)::int from input group by key, window_start order by key, window_start
    on conflict (key, window_start) do update set hits = r.hits + excluded.hits
    returning key, window_start, hits),
  numbered as (
    select i.*, c.hits - count(*) over w + row_number() over (w order by i.ord) as hit
    from input i join counted c using (key, window_start)
    window w as (partition by i.key, i.window_start))`;

const WRITE_BATCH = `
  with input as (
    select * from unnest($1::text[], $2::timestamptz[], $3::int[], $4::uuid[], $5::uuid[], $6::uuid[],
      $7::text[], $8::jsonb[], $9::timestamptz[])
      with ordinality as i(key, window_start, lim, survey_id, office_id, unit_id, respondent, answers, submitted_at, ord)),
  ${COUNTED},
  open_surveys as (
    select id from surveys where id in (select survey_id from input) and status = 'open'),
  candidates as (
    select distinct on (survey_id, respondent) * from numbered
    where hit <= lim and survey_id in (select id from open_surveys)
    order by survey_id, respondent, ord),
  stored as (
    insert into survey_responses (survey_id, office_id, unit_id, respondent, answers, submitted_at)
    select survey_id, office_id, unit_id, respondent, answers, submitted_at from candidates
    on conflict (survey_id, respondent) do nothing
    returning survey_id, respondent)
  select n.ord, case
    when n.hit > n.lim then 'rate_limited'
    when n.survey_id is null then 'counted'
    when n.survey_id not in (select id from open_surveys) then 'closed'
    when exists (select 1 from candidates c join stored s using (survey_id, respondent) where c.ord = n.ord)
      then 'stored'
    else 'already_answered' end as outcome
  from numbered n`;

// Refused answers only: nothing to write but their counts.
const COUNT_BATCH = `
  with input as (
    select * from unnest($1::text[], $2::timestamptz[], $3::int[]) with ordinality as i(key, window_start, lim, ord)),
  ${COUNTED}
  select n.ord, case when n.hit > n.lim then 'rate_limited' else 'counted' end as outcome
  from numbered n`;

interface Outcome {
  ord: number | string;
  outcome: AnswerOutcome;
}

async function writeBatch(db: Db, answers: PendingAnswer[]): Promise<AnswerOutcome[]> {
  const n = answers.length;
  const keys: string[] = new Array(n);
  const windows: string[] = new Array(n);
  const limits: number[] = new Array(n);
  const surveys: (string | null)[] = new Array(n);
  const offices: (string | null)[] = new Array(n);
  const units: (string | null)[] = new Array(n);
  const respondents: (string | null)[] = new Array(n);
  const bodies: (string | null)[] = new Array(n);
  const times: string[] = new Array(n);
  let writes = false;
  for (let i = 0; i < n; i++) {
    const a = answers[i]!;
    keys[i] = a.rateKey;
    windows[i] = windowOf(a).toISOString();
    limits[i] = a.limit;
    const row = a.row;
    writes ||= row !== undefined;
    surveys[i] = row?.survey_id ?? null;
    offices[i] = row?.office_id ?? null;
    units[i] = row?.unit_id ?? null;
    respondents[i] = row?.respondent ?? null;
    bodies[i] = row?.answers ?? null;
    times[i] = a.now.toISOString();
  }
  const query = writes
    ? CompiledQuery.raw(WRITE_BATCH, [
        keys,
        windows,
        limits,
        surveys,
        offices,
        units,
        respondents,
        bodies,
        times,
      ])
    : CompiledQuery.raw(COUNT_BATCH, [keys, windows, limits]);
  const rows =
    (await runPrepared<Outcome>(db, writes ? 'survey_answer_batch' : 'survey_answer_counts', query)) ??
    (await db.executeQuery<Outcome>(query)).rows;
  const outcomes: AnswerOutcome[] = new Array(answers.length);
  for (const row of rows) outcomes[Number(row.ord) - 1] = row.outcome;
  return outcomes;
}
