// Stryker disable all: runs only in piscina and fresh worker threads, where Stryker records no coverage and so runs no test against its mutants; its behaviour is asserted through test/worker-pool.test.ts (checksums and thread ids, meet, an error carried back) and test/event-loop.test.ts
/** Task file for the piscina pool and for fresh workers: runs on a worker thread, never on the main one. */
import { threadId } from 'node:worker_threads';
import { arriveAndWait } from './_barrier.ts';
import { cpuHeavy } from './cpu-job.ts';

/** One unit of work sent to a worker. */
export interface CpuTask {
  n: number;
}

/** The checksum, and which thread computed it (0 is the main thread). */
export interface CpuTaskResult {
  checksum: number;
  threadId: number;
}

export default function runCpuTask(task: CpuTask): CpuTaskResult {
  return { checksum: cpuHeavy(task.n), threadId };
}

/** Input of `meet`: the shared arrival counter and how many tasks must meet. */
export interface MeetTask {
  arrivals: Int32Array;
  expected: number;
  timeoutMs: number;
}

/**
 * Blocks this worker until `expected` meet tasks are running at once. All of them returning `met: true`
 * proves that many threads ran simultaneously — a count, not a stopwatch.
 */
export function meet(task: MeetTask): { met: boolean; threadId: number } {
  return { met: arriveAndWait(task.arrivals, task.expected, task.timeoutMs), threadId };
}
