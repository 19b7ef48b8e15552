// Stryker disable all: runs only in a worker thread, where Stryker records no coverage and so runs no test against its mutants; its behaviour is asserted through test/shared-memory.test.ts (Atomics.add totals exactly, the plain loop loses updates, one worker alone loses none)
/** Runs in each worker of `raceOnSharedCounter`: bumps a counter that lives in shared memory. */
import { arriveAndWait } from './_barrier.ts';

/** Slot 0 of `cells` is the counter, slot 1 the start barrier. */
export interface CounterTask {
  cells: Int32Array;
  workers: number;
  increments: number;
  atomic: boolean;
}

export default function bumpSharedCounter(task: CounterTask): number {
  const { cells, workers, increments, atomic } = task;
  // Start together, so the increments really overlap instead of running one worker after another.
  const start = new Int32Array(cells.buffer, 4, 1);
  if (!arriveAndWait(start, workers, 20_000)) throw new Error('the other counter workers never started');
  if (atomic) {
    // One indivisible read-modify-write: no other thread can slip between the read and the write.
    for (let i = 0; i < increments; i++) Atomics.add(cells, 0, 1);
  } else {
    // Read, add, write: another thread may write between our read and our write, and one update is lost.
    for (let i = 0; i < increments; i++) cells[0] = (cells[0] ?? 0) + 1;
  }
  return increments;
}
