import { type answerBench, pooled } from './answers';
import { pgbenchInsert } from './pgbench';
import type { Instance } from './servers';

/** Respondents at once (and pgbench's clients beside them) at each step of the rate sweep. */
export const SWEEP = [16, 32, 64, 128];

export interface SweepStep {
  clients: number;
  answers: AnswerRunResult;
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

type AnswerRunner = Awaited<ReturnType<typeof answerBench>>;
type AnswerRunResult = Awaited<ReturnType<AnswerRunner>>;

/**
 * Each side's rate as the number of clients grows. With few respondents in a closed loop the
 * answer path is bound by latency, not by the machine (each waits for one batch's commit and
 * then the next: docs/scaling.md); more clients at once fill its group commit, while pgbench
 * barely moves. A rate is what each reaches at its best. Two passes, the second in reverse
 * order, so that a drift in the machine's speed weighs on every step alike; each step pools
 * its two answer runs and averages its two pgbench runs.
 */
export async function rateSweep(
  answerRun: AnswerRunner,
  url: string,
  work: string,
  base: string,
  instances: Instance[],
  log: (line: string) => void,
): Promise<SweepStep[]> {
  const runs = new Map(
    SWEEP.map((clients) => [clients, { answers: [] as AnswerRunResult[], tps: [] as number[] }]),
  );
  for (const order of [SWEEP, [...SWEEP].reverse()]) {
    for (const clients of order) {
      const name =
        clients === 16
          ? 'public answer route, one instance'
          : `public answer route, one instance, ${clients} respondents`;
      const run = await answerRun(name, base, instances, clients);
      const bench = pgbenchInsert(url, work, clients);
      runs.get(clients)!.answers.push(run);
      if (bench) runs.get(clients)!.tps.push(bench.tps);
      log(
        `${clients} at once: answers ${run.measurement.throughput.toFixed(0)}/s, pgbench single-row INSERT ${bench?.tps.toFixed(0) ?? 'unavailable'} tps`,
      );
    }
  }
  return SWEEP.map((clients) => {
    const { answers, tps } = runs.get(clients)!;
    return {
      clients,
      answers: pooled(answers[0]!, answers[1]!),
      pgbenchTps: tps.length === 2 ? (tps[0]! + tps[1]!) / 2 : null,
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
