import { performance } from 'node:perf_hooks';

export interface InterleavedOptions {
  /** Samples per contender. */
  rounds: number;
  /** Untimed rounds first (JIT warm-up, connection and buffer caches). */
  warmup?: number;
  /** Operations one call performs; samples are milliseconds per operation. */
  opsPerCall?: number;
}

/**
 * Times contenders in turns (A B C, B C A, C A B, …) instead of one after the other. On a shared machine a
 * burst of load then lands on every contender alike, and the ratios of medians stay meaningful; timed one
 * after another, a burst during one contender's turn would decide the comparison.
 */
export async function interleaved(
  tasks: Record<string, () => unknown>,
  { rounds, warmup = 2, opsPerCall = 1 }: InterleavedOptions,
): Promise<Record<string, number[]>> {
  const names = Object.keys(tasks);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = -warmup; round < rounds; round++) {
    const shift = ((round % names.length) + names.length) % names.length;
    for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
      const task = tasks[name];
      if (!task) continue;
      const start = performance.now();
      await task();
      const elapsed = performance.now() - start;
      if (round >= 0) samples[name]?.push(elapsed / opsPerCall);
    }
  }
  return samples;
}
