import { availableParallelism } from 'node:os';

/**
 * The speed-up a CPU-bound batch can reach here: no more than the cores (`os.availableParallelism()`, which
 * also honours CPU affinity), and no more than the tasks that can run at once.
 */
export function parallelLimit(tasks: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, tasks));
}

/**
 * The time ratio (parallel / sequential) a claim can safely demand: at least 30% of the ideal gain per
 * extra core, leaving room for dispatch, cache and a machine busy with other work. 2 cores → 0.77
 * (a 1.3× speed-up), 4 → 0.53, 8 → 0.32. On one core there is nothing to gain, so it only asks for
 * "not much slower".
 */
export function speedupBound(parallel: number): number {
  if (parallel <= 1) return 1.2;
  return Math.round((1 / (1 + 0.3 * (parallel - 1))) * 100) / 100;
}
