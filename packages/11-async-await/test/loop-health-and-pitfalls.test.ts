import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import { blockFor, watchLoop } from '../src/loop-health.ts';
import { callInsideTry, unhandledRejectionInChild } from '../src/pitfalls.ts';

describe('watching the loop', () => {
  it('synchronous work lets no other callback run while it lasts, and keeps the loop fully busy', async () => {
    const health = await watchLoop(() => blockFor(60));
    expect(health.ticks).toBe(0);
    expect(health.utilization).toBeGreaterThan(0.9);
  });

  it('awaiting a timer leaves the loop free: other callbacks run and utilisation stays low', async () => {
    const health = await watchLoop(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(health.ticks).toBeGreaterThan(0);
    expect(health.utilization).toBeLessThan(0.5);
  });

  it('the delay histogram sees the blocked stretch as a late loop, the idle wait as not', async () => {
    const start = performance.now();
    const blocked = await watchLoop(() => blockFor(120));
    const watchedMs = performance.now() - start;
    const idle = await watchLoop(() => new Promise((resolve) => setTimeout(resolve, 120)));
    // In milliseconds (the histogram counts nanoseconds): at least the whole stretch, within the watched call.
    expect(blocked.delayMaxMs).toBeGreaterThanOrEqual(120);
    expect(blocked.delayMaxMs).toBeLessThanOrEqual(watchedMs);
    expect(blocked.delayMaxMs).toBeGreaterThan(idle.delayMaxMs);
  });

  it('stops its 1 ms interval when done, and when the work throws, which it passes on', async () => {
    const started = vi.spyOn(globalThis, 'setInterval');
    const stopped = vi.spyOn(globalThis, 'clearInterval');
    try {
      await watchLoop(() => undefined);
      await expect(
        watchLoop(() => {
          throw new Error('parse failed');
        }),
      ).rejects.toThrow('parse failed');
      // A 1 ms interval left running would keep the process alive and take turns of the loop forever.
      expect(started).toHaveBeenCalledTimes(2);
      expect(stopped.mock.calls.map(([handle]) => handle)).toEqual(started.mock.results.map((r) => r.value));
    } finally {
      started.mockRestore();
      stopped.mockRestore();
    }
  });

  it('blockFor reads the clock until the time is up, and not once more', () => {
    const readings: number[] = [];
    let now = 1_000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => {
      readings.push(now);
      return now++;
    });
    try {
      blockFor(5);
    } finally {
      clock.mockRestore();
    }
    // The first reading sets the end (1005); it returns at the first reading that is not before it.
    expect(readings).toEqual([1_000, 1_001, 1_002, 1_003, 1_004, 1_005]);
  });
});

describe('pitfalls', () => {
  const failsLater = async () => {
    await null;
    throw new Error('disk full');
  };

  it('a forgotten await lets the rejection slip past try/catch', async () => {
    expect(await callInsideTry(failsLater, false)).toEqual({
      caughtByTry: false,
      promiseEnded: 'rejected: disk full',
    });
    expect(await callInsideTry(failsLater, true)).toEqual({
      caughtByTry: true,
      promiseEnded: 'rejected: disk full',
    });
  });

  it('a call that succeeds is caught by nothing, awaited or not, and ends resolved', async () => {
    const saves = async () => {
      await null;
      return 'saved';
    };
    for (const awaitIt of [false, true])
      expect(await callInsideTry(saves, awaitIt)).toEqual({ caughtByTry: false, promiseEnded: 'resolved' });
  });

  it('an unhandled rejection ends the process with exit code 1 before later work runs', async () => {
    expect(await unhandledRejectionInChild(false)).toEqual({
      code: 1,
      stdout: '',
      errorLine: 'Error: payment service down',
    });
  });

  it('a process-level unhandledRejection listener sees it and the process keeps running', async () => {
    expect(await unhandledRejectionInChild(true)).toEqual({
      code: 0,
      stdout: 'listener saw: payment service down\nstill running',
      errorLine: '',
    });
  });
});
