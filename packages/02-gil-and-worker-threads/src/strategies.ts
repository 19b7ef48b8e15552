import { threadId } from 'node:worker_threads';
import { runInFreshWorker } from '@lab/common/workers';
import type { CpuTaskResult } from './_cpu-worker.ts';
import { assertWorkSize, cpuHeavy } from './cpu-job.ts';
import { type CpuPool, cpuWorkerFile } from './cpu-pool.ts';

/** The checksums of a batch, in input order, and the distinct threads that computed them. */
export interface BatchResult {
  checksums: number[];
  /** Each thread once, in the order of the first task it answered. */
  threadIds: number[];
}

const distinct = (ids: readonly number[]): number[] => [...new Set(ids)];

function checked(sizes: readonly number[]): readonly number[] {
  if (sizes.length === 0) throw new RangeError('a batch needs at least one task');
  for (const n of sizes) assertWorkSize(n);
  return sizes;
}

const collect = (results: readonly CpuTaskResult[]): BatchResult => ({
  checksums: results.map((r) => r.checksum),
  threadIds: distinct(results.map((r) => r.threadId)),
});

/** One after another on the calling thread: the baseline. */
export function runSequential(sizes: readonly number[]): BatchResult {
  return { checksums: checked(sizes).map(cpuHeavy), threadIds: [threadId] };
}

/**
 * `Promise.all` over async wrappers: looks concurrent, is not. An async function runs synchronously up to
 * its first `await`, so every job runs to the end, in turn, on this thread; the promises only wrap answers.
 * The same trap as `asyncio.gather` over coroutines that never await.
 */
export async function runPromiseAll(sizes: readonly number[]): Promise<BatchResult> {
  const checksums = await Promise.all(checked(sizes).map(async (n) => cpuHeavy(n)));
  return { checksums, threadIds: [threadId] };
}

/** Every task to the pool at once; the pool runs as many at a time as it has threads. */
export async function runInPool(pool: CpuPool, sizes: readonly number[]): Promise<BatchResult> {
  return collect(await Promise.all(checked(sizes).map((n) => pool.run(n))));
}

/** A new `Worker` per task, as if no pool existed: every task pays for starting an isolate. */
export async function runInFreshWorkers(sizes: readonly number[]): Promise<BatchResult> {
  const results = await Promise.all(
    checked(sizes).map((n) => runInFreshWorker<{ n: number }, CpuTaskResult>(cpuWorkerFile, { n })),
  );
  return collect(results);
}
