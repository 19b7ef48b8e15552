import { availableParallelism } from 'node:os';
import { tsxExecArgv, workerPath } from '@lab/common/workers';
import { Piscina } from 'piscina';
import type { CpuTask, CpuTaskResult, MeetTask } from './_cpu-worker.ts';
import { assertWorkSize } from './cpu-job.ts';

/** Absolute path of the task file the pool's threads load. */
export const cpuWorkerFile = workerPath(new URL('./_cpu-worker.ts', import.meta.url));

/** Options for `CpuPool`. */
export interface CpuPoolOptions {
  /** Worker threads to keep alive; default `os.availableParallelism()`, the useful maximum for CPU work. */
  threads?: number;
}

/**
 * A fixed-size piscina pool of worker threads that run `cpuHeavy`. Each thread is its own V8 isolate with
 * its own heap and event loop; tasks and results cross by structured clone. The Node equivalent of
 * `multiprocessing.Pool`, except the workers are threads in this process rather than processes.
 */
export class CpuPool {
  readonly threads: number;
  readonly #pool: Piscina<CpuTask | MeetTask, CpuTaskResult | { met: boolean; threadId: number }>;

  constructor({ threads = availableParallelism() }: CpuPoolOptions = {}) {
    if (!Number.isInteger(threads) || threads < 1)
      throw new RangeError(`threads must be a positive integer, got ${threads}`);
    this.threads = threads;
    this.#pool = new Piscina({
      filename: cpuWorkerFile,
      // min = max: threads are started once and never retired, since re-creating one costs milliseconds.
      minThreads: threads,
      maxThreads: threads,
      execArgv: tsxExecArgv(),
    });
  }

  /** Runs `cpuHeavy(n)` on the next free thread. Bad input is refused here, before a thread is woken. */
  async run(n: number): Promise<CpuTaskResult> {
    assertWorkSize(n);
    return (await this.#pool.run({ n })) as CpuTaskResult;
  }

  /**
   * Runs `count` tasks that each wait for all the others. Resolves with the thread ids that met; it can only
   * succeed if `count` threads run at the same time. Also a warm-up: every thread has loaded the task file.
   */
  async meet(count = this.threads, timeoutMs = 20_000): Promise<number[]> {
    if (count > this.threads) throw new RangeError(`cannot meet ${count} tasks on ${this.threads} threads`);
    const arrivals = new Int32Array(new SharedArrayBuffer(4));
    const task: MeetTask = { arrivals, expected: count, timeoutMs };
    const results = (await Promise.all(
      Array.from({ length: count }, () => this.#pool.run(task, { name: 'meet' })),
    )) as Array<{ met: boolean; threadId: number }>;
    // Every task has arrived by now (the late ones found the others there), so count who gave up waiting.
    const gaveUp = results.filter((r) => !r.met).length;
    if (gaveUp > 0)
      throw new Error(
        `${gaveUp} of ${count} tasks gave up after ${timeoutMs} ms: fewer than ${count} threads ran at once`,
      );
    return results.map((r) => r.threadId);
  }

  /** Tasks completed so far, across all threads. */
  get completed(): number {
    return this.#pool.completed;
  }

  /** Stops every thread. */
  close(): Promise<void> {
    return this.#pool.destroy();
  }
}
