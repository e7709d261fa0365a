import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  /** Successful requests per second over the whole run. */
  throughput: number;
  errors: number;
  /** The first failure's message, to tell a refused call from a slow one. */
  firstError?: string;
  /** Every successful call's latency, sorted. */
  latencies: number[];
  seconds: number;
}

/** Two runs of the same thing as one: latencies pooled, throughput over both runs' time. */
export function combine(a: Measurement, b: Measurement): Measurement {
  const latencies = [...a.latencies, ...b.latencies].sort((x, y) => x - y);
  const seconds = a.seconds + b.seconds;
  return {
    name: a.name,
    requests: a.requests + b.requests,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    throughput: latencies.length / seconds,
    errors: a.errors + b.errors,
    ...(a.firstError || b.firstError ? { firstError: a.firstError ?? b.firstError } : {}),
    latencies,
    seconds,
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Runs `fn` `requests` times with `concurrency` in flight (or until `maxSeconds` have
 * passed), after `warmup` untimed calls. Latencies in milliseconds. A failing call counts
 * as an error and is not timed.
 */
export async function measure(
  name: string,
  fn: (i: number) => Promise<unknown>,
  opts: { requests: number; concurrency: number; warmup?: number; maxSeconds?: number },
): Promise<Measurement> {
  for (let i = 0; i < (opts.warmup ?? 20); i++) await fn(-1 - i);
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + (opts.maxSeconds ?? 60) * 1000;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.requests && performance.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        try {
          await fn(i);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length + errors,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    throughput: latencies.length / elapsed,
    errors,
    ...(firstError ? { firstError } : {}),
    latencies,
    seconds: elapsed,
  };
}
