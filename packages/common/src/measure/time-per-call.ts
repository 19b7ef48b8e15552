import { summarize } from './stats.ts';

export interface TimePerCallOptions {
  /** Calls per round; the round's time is divided by it. Default 1. */
  calls?: number;
  /** Timed rounds; the median is returned. Default 7. */
  rounds?: number;
  /** Untimed rounds first, so the optimising compiler has run before anything is timed. Default 0. */
  warmupRounds?: number;
}

// Every result is stored here, so V8 cannot drop a call whose result nobody reads.
let sink: unknown;

/**
 * Median milliseconds per call of `fn(i)` over a few rounds: the quick, in-line figure a demo prints next to
 * its output. Comparisons that make claims belong in the bench harness, not here.
 */
export function medianTimePerCall(fn: (i: number) => unknown, options: TimePerCallOptions = {}): number {
  const { calls = 1, rounds = 7, warmupRounds = 0 } = options;
  const samples: number[] = [];
  for (let round = -warmupRounds; round < rounds; round++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) sink = fn(i);
    if (round >= 0) samples.push((performance.now() - start) / calls);
  }
  return summarize(samples).median;
}

/** `medianTimePerCall` for async work: each call is awaited before the next starts. */
export async function medianTimePerCallAsync(
  fn: (i: number) => unknown,
  options: TimePerCallOptions = {},
): Promise<number> {
  const { calls = 1, rounds = 7, warmupRounds = 0 } = options;
  const samples: number[] = [];
  for (let round = -warmupRounds; round < rounds; round++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) sink = await fn(i);
    if (round >= 0) samples.push((performance.now() - start) / calls);
  }
  return summarize(samples).median;
}

/** The last result a timed call returned (read it once so the stores above stay observable). */
export const lastTimedResult = (): unknown => sink;
