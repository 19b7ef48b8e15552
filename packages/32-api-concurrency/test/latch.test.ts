import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { Latch, waitAtLatch } from '../src/latch.ts';

// waitAtLatch normally runs in a piscina thread, where Stryker sees no coverage; here the test thread calls it
// itself. It blocks the calling thread, so each call is one that returns on its own: the latch already open, a
// short timeout, or a helper thread that opens the latch once the test thread has arrived.

/** Resolves on the next macrotask: long enough for an Atomics.waitAsync notified meanwhile to settle. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Latch (the main thread side)', () => {
  it('starts closed with nobody arrived, and stays open once opened', () => {
    const latch = new Latch();
    expect(latch.isOpen).toBe(false);
    expect(latch.arrived).toBe(0);
    latch.open();
    expect(latch.isOpen).toBe(true);
    latch.open();
    expect(latch.isOpen).toBe(true);
  });

  it('wakes a thread that waits on the open slot when it opens', async () => {
    const latch = new Latch();
    const waitAsync = (
      Atomics as unknown as {
        waitAsync: (a: Int32Array, i: number, v: number, ms: number) => { async: boolean; value: unknown };
      }
    ).waitAsync;
    const wait = waitAsync(latch.cells, 0, 0, 20_000);
    expect(wait.async).toBe(true);
    latch.open();
    await expect(wait.value).resolves.toBe('ok');
  });

  it('arrivals(n) resolves only once n threads have reached the latch', async () => {
    const latch = new Latch();
    latch.open(); // so each waitAtLatch below counts itself in and returns at once
    let resolved = false;
    const arrivals = latch.arrivals(2).then(() => {
      resolved = true;
    });
    await nextTurn();
    expect(resolved).toBe(false);

    waitAtLatch(latch.cells);
    await nextTurn();
    await nextTurn();
    expect(latch.arrived).toBe(1);
    expect(resolved).toBe(false);

    waitAtLatch(latch.cells);
    await arrivals;
    expect(latch.arrived).toBe(2);
  });

  it('arrivals(n) resolves at once when n threads have already arrived', async () => {
    const latch = new Latch();
    latch.open();
    waitAtLatch(latch.cells);
    waitAtLatch(latch.cells);
    await latch.arrivals(2);
    await latch.arrivals(1);
    expect(latch.arrived).toBe(2);
  });

  it('arrivals(n) rejects, naming how many arrived, when too few come before its timeout', async () => {
    const latch = new Latch();
    latch.open();
    waitAtLatch(latch.cells);
    await expect(latch.arrivals(2, 20)).rejects.toThrow(
      new Error('only 1 of 2 threads reached the latch within 20 ms'),
    );
  });
});

describe('waitAtLatch (the worker side)', () => {
  it('counts itself in and goes straight past an open latch', () => {
    const latch = new Latch();
    latch.open();
    waitAtLatch(latch.cells, 60_000);
    expect(latch.arrived).toBe(1);
  });

  it('throws once the latch has stayed closed for its timeout, after counting itself in', () => {
    const latch = new Latch();
    expect(() => waitAtLatch(latch.cells, 20)).toThrow(new Error('the latch stayed closed for 20 ms'));
    expect(latch.arrived).toBe(1);
    expect(latch.isOpen).toBe(false);
  });

  it('blocks until another thread opens the latch, then returns', async () => {
    const latch = new Latch();
    // The helper waits for the test thread to arrive (slot 1 leaving 0), then opens the latch (slot 0 to 1).
    const opener = new Worker(
      `const { workerData: cells } = require('node:worker_threads');
       Atomics.wait(cells, 1, 0, 30000);
       Atomics.store(cells, 0, 1);
       Atomics.notify(cells, 0);`,
      { eval: true, workerData: latch.cells },
    );
    try {
      await once(opener, 'online');
      // A timeout far beyond the test's: returning at all means the opener let this thread through.
      waitAtLatch(latch.cells, 25_000);
      expect(latch.isOpen).toBe(true);
      expect(latch.arrived).toBe(1);
    } finally {
      await opener.terminate();
    }
  });
});
