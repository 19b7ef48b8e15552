export interface InterleaveOptions {
  /** Timed rounds: samples per contender. */
  rounds: number;
  /** Untimed rounds first (JIT, connections, worker start-up). Default 2. */
  warmupRounds?: number;
  /** Operations one call performs; samples are milliseconds per operation. */
  opsPerCall?: number;
  /**
   * Repeat each contender enough times per sample to last about this long (calibrated on the last warm-up
   * call), so microsecond-sized work is not drowned in timer resolution. Off by default.
   */
  targetMs?: number;
  /** Upper bound on the repetitions `targetMs` may choose. Default 20,000. */
  maxReps?: number;
  /** Runs before each timed call, outside the timing (for example `forceGc`). */
  beforeEach?: () => void;
}

/**
 * Times contenders in turns — A B C, B C A, C A B, … — instead of one after the other. On a shared
 * machine a burst of load then lands on every contender alike and ratios of medians stay meaningful;
 * timed back to back (as tinybench does), a burst during one contender's turn decides the comparison.
 * Returns the samples per contender, in milliseconds per operation, ready for a `measureBench`.
 */
export async function interleaved(
  tasks: Record<string, () => unknown>,
  options: InterleaveOptions,
): Promise<Record<string, number[]>> {
  const { rounds, warmupRounds = 2, opsPerCall = 1, targetMs, maxReps = 20_000, beforeEach } = options;
  const names = Object.keys(tasks);
  const reps: Record<string, number> = Object.fromEntries(names.map((n) => [n, 1]));
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const call = async (name: string) => {
    const result = tasks[name]?.();
    // Await only real promises: an extra await per call would inflate microsecond-sized sync work.
    if (result instanceof Promise) await result;
  };
  for (let round = -warmupRounds; round < rounds; round++) {
    const shift = ((round % names.length) + names.length) % names.length;
    for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
      const times = reps[name] ?? 1;
      beforeEach?.();
      const start = performance.now();
      for (let i = 0; i < times; i++) await call(name);
      const elapsed = performance.now() - start;
      if (round >= 0) samples[name]?.push(elapsed / times / opsPerCall);
      else if (targetMs !== undefined && round === -1) {
        reps[name] = Math.min(maxReps, Math.max(1, Math.ceil(targetMs / Math.max(elapsed / times, 0.001))));
      }
    }
  }
  return samples;
}
