// Stryker disable all: runs only inside piscina's worker threads, where Stryker records no coverage and so runs no test against its mutants; its behaviour is asserted through test/cpu-offload.test.ts (the pool returns the inline result and a non-zero threadId, and tasks wait on the latch until it opens)
/**
 * The piscina worker file: runs in a worker thread, so the loop it blocks is the thread's own, not the one
 * serving HTTP. Internal: load it through `createCpuPool()`.
 */
import { threadId } from 'node:worker_threads';
import { countPrimes } from './cpu.ts';
import { waitAtLatch } from './latch.ts';

/** What the main thread sends a worker: structured-cloned, so plain data only. */
export interface PrimeTask {
  limit: number;
  /** A `Latch`'s cells (shared, not cloned): the task waits there before computing until it opens. Tests only. */
  latch?: Int32Array;
}

/** What a worker sends back. */
export interface PrimeResult {
  primes: number;
  /** The worker thread that did the work (the main thread is 0): how a test sees the work left the loop. */
  threadId: number;
}

/** The task piscina runs in a worker thread. */
export default function primeTask({ limit, latch }: PrimeTask): PrimeResult {
  if (latch) waitAtLatch(latch);
  return { primes: countPrimes(limit), threadId };
}
