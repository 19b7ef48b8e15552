import { describe, expect, it } from 'vitest';
import { forceGc, measureHeap } from '../src/measure/memory.ts';
import { percentile, summarize } from '../src/measure/stats.ts';
import { lastTimedResult, medianTimePerCall, medianTimePerCallAsync } from '../src/measure/time-per-call.ts';

describe('summary statistics', () => {
  it('uses nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile(values, 1)).toBe(100);
  });

  it('summarises unsorted samples', () => {
    expect(summarize([5, 1, 3])).toEqual({ n: 3, mean: 3, median: 3, p99: 5, min: 1, max: 5 });
  });
});

describe('heap measurement', () => {
  it('forces a GC without --expose-gc on the command line', () => {
    expect(() => forceGc()).not.toThrow();
  });

  it('sees a large retained allocation, and not a discarded one', () => {
    const kept = measureHeap(() => Array.from({ length: 1e6 }, (_, i) => ({ i })));
    expect(kept.retainedBytes).toBeGreaterThan(10 * 1024 * 1024);
    const dropped = measureHeap(() => {
      Array.from({ length: 1e6 }, (_, i) => ({ i }));
      return 0;
    });
    expect(dropped.retainedBytes).toBeLessThan(kept.retainedBytes / 10);
  });
});

describe('median time per call', () => {
  it('runs warm-up rounds untimed, then rounds × calls timed calls, passing the call index', () => {
    const seen: number[] = [];
    const ms = medianTimePerCall((i) => seen.push(i), { calls: 3, rounds: 5, warmupRounds: 2 });
    expect(seen).toHaveLength((2 + 5) * 3);
    expect(seen.slice(0, 3)).toEqual([0, 1, 2]);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(lastTimedResult()).toBe(21);
  });

  it('awaits each async call before starting the next', async () => {
    let running = 0;
    let most = 0;
    await medianTimePerCallAsync(
      async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setImmediate(r));
        running--;
      },
      { calls: 4, rounds: 3 },
    );
    expect(most).toBe(1);
  });
});
