import { type Db, withTx } from '@wenming/db';
import { sql } from 'kysely';

export interface PendingAnswer {
  /** The rate-limit counter this answer counts against (per address). */
  rateKey: string;
  limit: number;
  windowSeconds: number;
  now: Date;
  row: {
    survey_id: string;
    office_id: string;
    unit_id: string;
    respondent: string;
    answers: string;
  };
}

export type AnswerOutcome = 'stored' | 'rate_limited' | 'already_answered';

interface Waiting {
  answer: PendingAnswer;
  resolve(outcome: AnswerOutcome): void;
  reject(error: unknown): void;
}

/** Large enough to absorb a burst, small enough to keep one statement's parameters modest. */
const MAX_BATCH = 500;

/**
 * Group commit for the public answer path. Answers that arrive while a batch is being
 * written wait for the next one; each batch is one transaction — the rate-limit counters
 * and the answers together, two statements — and every respondent hears back only after
 * that transaction committed. Under load this turns thousands of tiny commits (each an
 * fsync) into a few large ones; an idle server writes a lone answer at once.
 */
class AnswerBatcher {
  private queue: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  submit(answer: PendingAnswer): Promise<AnswerOutcome> {
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
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const outcomes = await writeBatch(
          this.db,
          batch.map((w) => w.answer),
        );
        batch.forEach((w, i) => {
          w.resolve(outcomes[i]!);
        });
      } catch (error) {
        // Nothing of the batch was committed: every respondent gets the error, none is lost.
        for (const w of batch) w.reject(error);
      }
    }
    this.writing = false;
  }
}

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

async function writeBatch(db: Db, answers: PendingAnswer[]): Promise<AnswerOutcome[]> {
  return withTx(db, async (trx) => {
    // One counter row per address and window, bumped by the batch's count in one upsert
    // (sorted, so two instances upserting the same rows cannot deadlock).
    const counts = new Map<string, { key: string; window: Date; n: number }>();
    for (const a of answers) {
      const window = windowOf(a);
      const id = `${a.rateKey}|${window.getTime()}`;
      const c = counts.get(id) ?? { key: a.rateKey, window, n: 0 };
      c.n++;
      counts.set(id, c);
    }
    const keys = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
    const totals = await sql<{ key: string; window_start: Date | string; hits: number }>`
      insert into rate_limits (key, window_start, hits)
      select * from unnest(${keys.map((c) => c.key)}::text[], ${keys.map((c) => c.window.toISOString())}::timestamptz[], ${keys.map((c) => c.n)}::int[])
      on conflict (key, window_start) do update set hits = rate_limits.hits + excluded.hits
      returning key, window_start, hits`.execute(trx);
    // The batch's hits on a counter are numbered in arrival order after the hits before it.
    const next = new Map<string, number>();
    for (const row of totals.rows) {
      const id = `${row.key}|${new Date(row.window_start).getTime()}`;
      next.set(id, Number(row.hits) - counts.get(id)!.n);
    }
    const outcomes: AnswerOutcome[] = [];
    const toStore: PendingAnswer[] = [];
    const seen = new Set<string>();
    for (const a of answers) {
      const id = `${a.rateKey}|${windowOf(a).getTime()}`;
      const hit = next.get(id)! + 1;
      next.set(id, hit);
      const once = `${a.row.survey_id}|${a.row.respondent}`;
      if (hit > a.limit) outcomes.push('rate_limited');
      else if (seen.has(once)) outcomes.push('already_answered');
      else {
        seen.add(once);
        toStore.push(a);
        outcomes.push('stored');
      }
    }
    if (toStore.length > 0) {
      const stored = await sql<{ survey_id: string; respondent: string }>`
        insert into survey_responses (survey_id, office_id, unit_id, respondent, answers, submitted_at)
        select * from unnest(${toStore.map((a) => a.row.survey_id)}::uuid[], ${toStore.map((a) => a.row.office_id)}::uuid[],
          ${toStore.map((a) => a.row.unit_id)}::uuid[], ${toStore.map((a) => a.row.respondent)}::text[],
          ${toStore.map((a) => a.row.answers)}::jsonb[], ${toStore.map((a) => a.now.toISOString())}::timestamptz[])
        on conflict (survey_id, respondent) do nothing
        returning survey_id, respondent`.execute(trx);
      const inserted = new Set(stored.rows.map((r) => `${r.survey_id}|${r.respondent}`));
      answers.forEach((a, i) => {
        if (outcomes[i] === 'stored' && !inserted.has(`${a.row.survey_id}|${a.row.respondent}`))
          outcomes[i] = 'already_answered';
      });
    }
    // Old windows are swept now and then by the batches themselves.
    if (Math.random() < 0.001 * answers.length) {
      const dayAgo = new Date(answers[0]!.now.getTime() - 86_400_000);
      await sql`delete from rate_limits where window_start < ${dayAgo}`.execute(trx);
    }
    return outcomes;
  });
}
