import type { AnswerRun } from './answers';
import { pooled } from './answers';
import { pgbenchInsert } from './pgbench';
import type { Instance } from './servers';

/** Respondents at once (and pgbench's clients beside them) at each step of the rate sweep. */
export const SWEEP = [16, 32, 64, 128];

export interface SweepStep {
  clients: number;
  answers: AnswerRun & { peakMb: number };
  /** pgbench's single-row INSERTs per second with as many clients; null without pgbench. */
  pgbenchTps: number | null;
}

export interface SweepVerdict {
  /** The step with the most answers per second, and the one where pgbench did best. */
  bestAnswers: SweepStep;
  bestPgbench: SweepStep | null;
  ratio: number | null;
  lost: number;
}

type AnswerRunner = (
  name: string,
  base: string,
  instances: Instance[],
  concurrency?: number,
) => Promise<AnswerRun & { peakMb: number }>;

/**
 * Each side's rate as the number of clients grows. With few respondents in a closed loop the
 * answer path is bound by latency, not by the machine (each waits for one batch's commit and
 * then the next: docs/scaling.md), and more clients at once make both sides faster: a rate
 * is what each reaches at its best. Two passes, the second in reverse order, so that a
 * drift in the machine's speed weighs on every step alike; each step pools its two answer
 * runs and averages its two pgbench runs.
 */
export async function rateSweep(
  answerRun: AnswerRunner,
  url: string,
  work: string,
  base: string,
  instances: Instance[],
  log: (line: string) => void,
): Promise<SweepStep[]> {
  const answers = new Map<number, (AnswerRun & { peakMb: number })[]>();
  const tps = new Map<number, number[]>();
  for (const order of [SWEEP, [...SWEEP].reverse()]) {
    for (const clients of order) {
      const name =
        clients === 16
          ? 'public answer route, one instance'
          : `public answer route, one instance, ${clients} respondents`;
      const run = await answerRun(name, base, instances, clients);
      const bench = pgbenchInsert(url, work, clients);
      answers.set(clients, [...(answers.get(clients) ?? []), run]);
      if (bench) tps.set(clients, [...(tps.get(clients) ?? []), bench.tps]);
      log(
        `${clients} at once: answers ${run.measurement.throughput.toFixed(0)}/s, pgbench single-row INSERT ${bench?.tps.toFixed(0) ?? 'unavailable'} tps`,
      );
    }
  }
  return SWEEP.map((clients) => {
    const [a, b] = answers.get(clients)!;
    const runs = tps.get(clients) ?? [];
    return {
      clients,
      answers: pooled(a!, b!),
      pgbenchTps: runs.length === 2 ? (runs[0]! + runs[1]!) / 2 : null,
    };
  });
}

/** The goal compares the best of each side; answers lost anywhere fail it. */
export function judgeSweep(steps: SweepStep[]): SweepVerdict {
  const rate = (s: SweepStep) => s.answers.measurement.throughput;
  const bestAnswers = steps.reduce((x, y) => (rate(y) > rate(x) ? y : x));
  const measured = steps.filter((s) => s.pgbenchTps !== null);
  const bestPgbench = measured.length
    ? measured.reduce((x, y) => (y.pgbenchTps! > x.pgbenchTps! ? y : x))
    : null;
  return {
    bestAnswers,
    bestPgbench,
    ratio: bestPgbench ? rate(bestAnswers) / bestPgbench.pgbenchTps! : null,
    lost: steps.reduce((n, s) => n + Math.max(0, s.answers.accepted - s.answers.stored), 0),
  };
}
