import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '@wenming/db';
import { sql } from 'kysely';
import { combine, type Measurement, measure } from './measure';
import { RawHttpConnection } from './raw-http';
import { cpuMsOf, type Instance, peakRss } from './servers';

export interface AnswerRun {
  measurement: Measurement;
  accepted: number;
  stored: number;
  /** Server CPU time (all instances) per accepted answer. */
  cpuMsPerAnswer: number;
  /** The PostgreSQL cluster's CPU time (all its processes) per answer; null when it cannot be read. */
  postgresCpuMsPerAnswer: number | null;
  /** The load generator's own CPU time (this process) per answer. */
  loadCpuMsPerAnswer: number;
}

// A few seconds per run at the rates reached here: 5,000 answers took under a second, so a
// moment of other work on the machine moved the figure by half.
const OPTIONS = { requests: 20_000, warmup: 0, maxSeconds: 30 };
// Answers sent at the same concurrency first, untimed and outside the CPU figures, so V8 has
// optimised the route (the first of two runs was otherwise markedly slower than the second).
// They still count in accepted and stored.
const WARM_UP = { requests: 5_000, warmup: 0, maxSeconds: 10 };

/**
 * The CPU time of the Postgres cluster behind `db` when it runs on this machine (its
 * postmaster and every child), read from /proc; null for a remote one or without access.
 */
async function postgresCpu(db: Db): Promise<() => number | null> {
  try {
    const { rows } = await sql<{ data_directory: string }>`show data_directory`.execute(db);
    const postmaster = Number(
      readFileSync(join(rows[0]!.data_directory, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    if (!postmaster || cpuMsOf(postmaster) === 0) return () => null;
    return () => {
      // The postmaster's own time and that of its children that have exited (cutime, cstime)…
      const fields = readFileSync(`/proc/${postmaster}/stat`, 'utf8').split(') ')[1]!.split(' ');
      let ms =
        ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / 100;
      // …and every live child's (backends, WAL writer, checkpointer).
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const ppid = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1];
          if (Number(ppid) === postmaster) ms += cpuMsOf(Number(entry));
        } catch {
          // gone meanwhile
        }
      }
      return ms;
    };
  } catch {
    return () => null;
  }
}

/**
 * The public answer path as the survey page drives it (`POST /api/public/surveys/:token/answers`),
 * 16 respondents at once unless told otherwise, each from an address of its own (X-Forwarded-For). Every answer
 * accepted is counted against the rows stored: the difference is answers lost.
 */
export async function answerBench(db: Db, surveyId: string, token: string) {
  const countAnswers = async () =>
    Number(
      (
        await sql<{
          n: number;
        }>`select count(*) as n from survey_responses where survey_id = ${surveyId}`.execute(db)
      ).rows[0]!.n,
    );
  const postgresMs = await postgresCpu(db);
  let n = 0;
  const answerOnce = (base: string) => {
    // One keep-alive connection per respondent in flight, as phones hold theirs.
    const idle: RawHttpConnection[] = [];
    const all: RawHttpConnection[] = [];
    const url = new URL(base);
    const connect = () => {
      const c = new RawHttpConnection(url);
      all.push(c);
      return c;
    };
    const once = async () => {
      const i = n++;
      const connection = idle.pop() ?? connect();
      const res = await connection.post(
        `/api/public/surveys/${token}/answers`,
        JSON.stringify({
          // As random as the page's own id; randomBytes(16) cost this process 5 µs an answer.
          respondent: randomUUID(),
          answers: { overall: 1 + (i % 5), service: 1 + ((i >> 3) % 5), who: 'visitor' },
        }),
        { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
      );
      idle.push(connection);
      if (res.status !== 201) throw new Error(`answer: ${res.status} ${res.body.slice(0, 200)}`);
    };
    const close = () => {
      for (const c of all) c.close();
    };
    return { once, close };
  };
  return async (
    name: string,
    base: string,
    instances: Instance[],
    concurrency = 16,
  ): Promise<AnswerRun & { peakMb: number }> => {
    const before = await countAnswers();
    const respondents = answerOnce(base);
    const warm = await measure(`${name} (warm-up)`, respondents.once, { ...WARM_UP, concurrency });
    const cpuBefore = instances.reduce((ms, i) => ms + cpuMsOf(i.pid), 0);
    const pgBefore = postgresMs();
    const selfBefore = process.cpuUsage();
    const { result, peakMb } = await peakRss(instances[0]!.pid, () =>
      measure(name, respondents.once, { ...OPTIONS, concurrency }),
    );
    const self = process.cpuUsage(selfBefore);
    const cpuMs = instances.reduce((ms, i) => ms + cpuMsOf(i.pid), 0) - cpuBefore;
    const pgAfter = postgresMs();
    respondents.close();
    const timed = result.requests - result.errors;
    const stored = (await countAnswers()) - before;
    return {
      measurement: result,
      accepted: timed + warm.requests - warm.errors,
      stored,
      peakMb,
      cpuMsPerAnswer: cpuMs / timed,
      postgresCpuMsPerAnswer: pgBefore === null || pgAfter === null ? null : (pgAfter - pgBefore) / timed,
      loadCpuMsPerAnswer: (self.user + self.system) / 1000 / timed,
    };
  };
}

/** Two runs of the answer figure as one: latencies pooled, CPU per answer weighted by answers. */
export function pooled<T extends AnswerRun & { peakMb: number }>(a: T, b: T): T {
  const accepted = a.accepted + b.accepted;
  const weigh = (x: number | null, y: number | null) =>
    x === null || y === null ? null : (x * a.accepted + y * b.accepted) / accepted;
  return {
    ...a,
    measurement: combine(a.measurement, b.measurement),
    accepted,
    stored: a.stored + b.stored,
    peakMb: Math.max(a.peakMb, b.peakMb),
    cpuMsPerAnswer: weigh(a.cpuMsPerAnswer, b.cpuMsPerAnswer)!,
    postgresCpuMsPerAnswer: weigh(a.postgresCpuMsPerAnswer, b.postgresCpuMsPerAnswer),
    loadCpuMsPerAnswer: weigh(a.loadCpuMsPerAnswer, b.loadCpuMsPerAnswer)!,
  };
}
