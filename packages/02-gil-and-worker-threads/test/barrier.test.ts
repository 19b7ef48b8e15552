import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { arriveAndWait } from '../src/_barrier.ts';

// The barrier's callers are worker threads (the pool's meet tasks, the counter workers); its logic is plain
// shared-memory code, so these tests call it on this thread, where a blocking Atomics.wait is harmless.
const arrivalsAt = (count: number): Int32Array => {
  const arrivals = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(arrivals, 0, count);
  return arrivals;
};

describe('the one-shot shared-memory barrier', () => {
  it('lets the last of the expected callers through at once, counting itself', () => {
    const arrivals = arrivalsAt(2);
    expect(arriveAndWait(arrivals, 3, 1_000)).toBe(true);
    expect(Atomics.load(arrivals, 0)).toBe(3);
    expect(arriveAndWait(arrivalsAt(0), 1, 1_000)).toBe(true);
  });

  it('gives up and returns false when the others never arrive, instead of hanging', () => {
    const arrivals = arrivalsAt(0);
    expect(arriveAndWait(arrivals, 2, 50)).toBe(false);
    // It still counted itself: a late partner would find it there.
    expect(Atomics.load(arrivals, 0)).toBe(1);
  });

  it('sleeps until another thread arrives, then lets it through', async () => {
    const arrivals = arrivalsAt(0);
    // The other thread arrives only after this one has: it waits for slot 0 to leave 0, then adds itself.
    const other = new Worker(
      `const { workerData: arrivals } = require('node:worker_threads');
       Atomics.wait(arrivals, 0, 0);
       Atomics.add(arrivals, 0, 1);
       Atomics.notify(arrivals, 0);`,
      { eval: true, workerData: arrivals },
    );
    const exited = once(other, 'exit');
    expect(arriveAndWait(arrivals, 2, 20_000)).toBe(true);
    expect(Atomics.load(arrivals, 0)).toBe(2);
    expect(await exited).toEqual([0]);
  });
});
