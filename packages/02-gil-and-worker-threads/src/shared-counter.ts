import { runInFreshWorker, workerPath } from '@lab/common/workers';
import type { CounterTask } from './_counter-worker.ts';

const counterWorkerFile = workerPath(new URL('./_counter-worker.ts', import.meta.url));

/** What a race on a shared counter ended with. */
export interface CounterRace {
  workers: number;
  increments: number;
  atomic: boolean;
  /** workers × increments: what the counter would read if no update were lost. */
  expected: number;
  /** What the counter actually reads. */
  total: number;
  /** expected − total. */
  lost: number;
}

/**
 * Starts `workers` threads that each add 1 to the same `Int32Array` slot `increments` times. The array is
 * backed by a SharedArrayBuffer, so every thread writes the same memory — the one thing Node threads share
 * (Python threads share every object; Node isolates share only these buffers). With `atomic`, each add is
 * `Atomics.add` and the total is exact; without, updates can be lost (whether they are on a given run is
 * up to the scheduler and the CPU, so nothing should rely on either outcome).
 */
export async function raceOnSharedCounter(options: {
  workers: number;
  increments: number;
  atomic: boolean;
}): Promise<CounterRace> {
  const { workers, increments, atomic } = options;
  if (!Number.isInteger(workers) || workers < 1 || workers > 64)
    throw new RangeError(`workers must be an integer from 1 to 64, got ${workers}`);
  if (!Number.isInteger(increments) || increments < 0 || increments > 100_000_000)
    throw new RangeError(`increments must be an integer from 0 to 100,000,000, got ${increments}`);
  // Two int32 slots: [counter, start barrier]. The SharedArrayBuffer is shared, not copied, by postMessage.
  const cells = new Int32Array(new SharedArrayBuffer(8));
  const task: CounterTask = { cells, workers, increments, atomic };
  await Promise.all(
    Array.from({ length: workers }, () => runInFreshWorker<CounterTask, number>(counterWorkerFile, task)),
  );
  const expected = workers * increments;
  const total = Atomics.load(cells, 0);
  return { workers, increments, atomic, expected, total, lost: expected - total };
}
