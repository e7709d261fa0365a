import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  /** Requests per second over the whole run. */
  throughput: number;
  errors: number;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Runs `fn` `requests` times with `concurrency` in flight, after `warmup` untimed calls.
 * Latencies in milliseconds. A failing call counts as an error and is not timed.
 */
export async function measure(
  name: string,
  fn: (i: number) => Promise<unknown>,
  opts: { requests: number; concurrency: number; warmup?: number },
): Promise<Measurement> {
  for (let i = 0; i < (opts.warmup ?? 20); i++) await fn(-1 - i);
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.requests) {
        const i = next++;
        const t0 = performance.now();
        try {
          await fn(i);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: opts.requests,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    throughput: latencies.length / elapsed,
    errors,
  };
}
