import { describe, expect, it } from 'vitest';
import { judgeSweep, type SweepStep } from './sweep';

function step(clients: number, answersPerS: number, pgbenchTps: number | null, lost = 0): SweepStep {
  const accepted = 25_000;
  return {
    clients,
    pgbenchTps,
    answers: {
      measurement: {
        name: `${clients} respondents`,
        requests: 20_000,
        p50: 1,
        p95: 2,
        p99: 3,
        throughput: answersPerS,
        errors: 0,
        latencies: [],
        seconds: 20_000 / answersPerS,
      },
      accepted,
      stored: accepted - lost,
      cpuMsPerAnswer: 0.07,
      postgresCpuMsPerAnswer: 0.08,
      loadCpuMsPerAnswer: 0.03,
      peakMb: 150,
    },
  };
}

describe('the answer rate against pgbench over the sweep', () => {
  it("compares each side's best rate, wherever each reached it", () => {
    const verdict = judgeSweep([
      step(16, 7_000, 18_000),
      step(32, 9_000, 19_500),
      step(64, 10_500, 19_000),
      step(128, 10_200, 17_000),
    ]);
    expect(verdict.bestAnswers.clients).toBe(64);
    expect(verdict.bestPgbench?.clients).toBe(32);
    expect(verdict.ratio).toBeCloseTo(10_500 / 19_500, 6);
    expect(verdict.lost).toBe(0);
  });

  it('counts answers lost at any step, and skips steps pgbench could not run', () => {
    const verdict = judgeSweep([step(16, 7_000, 18_000), step(128, 12_000, null, 3), step(64, 9_000, null)]);
    expect(verdict.bestPgbench?.clients).toBe(16);
    expect(verdict.ratio).toBeCloseTo(12_000 / 18_000, 6);
    expect(verdict.lost).toBe(3);
  });

  it('has no ratio without pgbench', () => {
    const verdict = judgeSweep([step(16, 7_000, null), step(32, 8_000, null)]);
    expect(verdict.bestPgbench).toBeNull();
    expect(verdict.ratio).toBeNull();
    expect(verdict.bestAnswers.clients).toBe(32);
  });
});
