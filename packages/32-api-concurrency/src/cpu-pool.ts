import { tsxExecArgv, workerPath } from '@lab/common/workers';
import { Piscina } from 'piscina';
import type { PrimeResult, PrimeTask } from './cpu-task.ts';
import { DependencyBusyError } from './errors.ts';
import type { Latch } from './latch.ts';

/** Size and queue bound of the CPU pool. */
export interface CpuPoolOptions {
  /** Worker threads. On a 2-core box, 1 leaves a core for the event loop; cores - 1 is the usual start. */
  threads: number;
  /** Tasks allowed to wait for a thread (≥ 1); past it the API answers 503 instead of queueing without bound. */
  maxQueue: number;
  /** Seconds a client is told to wait after a 503 for a full queue. */
  retryAfterSeconds?: number;
  /**
   * For tests: every task (not `warm()`'s) waits at this latch inside its worker until the test opens it,
   * so the test decides when CPU work ends instead of guessing how long it lasts.
   */
  latch?: Latch;
}

/** A piscina pool of worker threads running `cpu-task.ts`, with a bounded queue. */
export interface CpuPool {
  countPrimes(limit: number): Promise<PrimeResult>;
  /** Starts every thread and waits until each has loaded the task file, so the first request is not the slow one. */
  warm(): Promise<void>;
  readonly threads: number;
  /** Tasks finished since the pool was created. */
  readonly completed: number;
  close(): Promise<void>;
}

/** Builds the pool. The worker file is TypeScript, so the tsx loader is passed to each thread explicitly. */
export function createCpuPool({ threads, maxQueue, retryAfterSeconds = 1, latch }: CpuPoolOptions): CpuPool {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be ≥ 1: ${threads}`);
  // Not 0: piscina 5 with no queue can lose track of a task it refused while a thread picks it up, and then
  // throws "Unexpected message from Worker" outside any promise, which ends the process (seen in CI).
  if (!Number.isInteger(maxQueue) || maxQueue < 1) throw new RangeError(`maxQueue must be ≥ 1: ${maxQueue}`);
  const piscina = new Piscina<PrimeTask, PrimeResult>({
    filename: workerPath(new URL('./cpu-task.ts', import.meta.url)),
    minThreads: threads,
    maxThreads: threads,
    maxQueue,
    execArgv: tsxExecArgv(),
  });
  return {
    async countPrimes(limit) {
      try {
        return await piscina.run(latch ? { limit, latch: latch.cells } : { limit });
      } catch (error) {
        if (error instanceof Error && error.message === 'Task queue is at limit')
          throw new DependencyBusyError(
            'cpu-pool',
            `all ${threads} CPU workers are busy and ${maxQueue} tasks are already waiting`,
            retryAfterSeconds,
            { cause: error },
          );
        throw error;
      }
    },
    async warm() {
      await Promise.all(Array.from({ length: threads }, () => piscina.run({ limit: 10 })));
    },
    threads,
    get completed() {
      return piscina.completed;
    },
    close: () => piscina.destroy(),
  };
}
