import { describe, expect, it } from 'vitest';
import { createLimiter, mapLimited } from '../src/limiter.ts';

/** A task that stays in flight until the test releases it, so the test decides when slots free up. */
function gate<T>(value: T) {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const task = async () => {
    await opened;
    return value;
  };
  return { open, task };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('createLimiter', () => {
  it('never runs more than the limit at once; the rest wait in FIFO order', async () => {
    const limit = createLimiter(2);
    const gates = [1, 2, 3, 4, 5].map(gate);
    const started: number[] = [];
    const results = gates.map((g, i) =>
      limit(() => {
        started.push(i + 1);
        return g.task();
      }),
    );
    await flush();
    expect(started).toEqual([1, 2]);
    expect([limit.active, limit.pending]).toEqual([2, 3]);
    gates[1]?.open();
    await flush();
    expect(started).toEqual([1, 2, 3]);
    for (const g of gates) g.open();
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5]);
    expect([limit.active, limit.pending, limit.maxActive]).toEqual([0, 0, 2]);
  });

  it('frees the slot of a task that rejects or throws synchronously', async () => {
    const limit = createLimiter(1);
    const failing = limit(async () => {
      throw new Error('boom');
    });
    const throwingSync = limit((() => {
      throw new Error('sync boom');
    }) as () => Promise<never>);
    const after = limit(async () => 'still runs');
    await expect(failing).rejects.toThrow('boom');
    await expect(throwingSync).rejects.toThrow('sync boom');
    expect(await after).toBe('still runs');
    expect(limit.active).toBe(0);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %s', (bad) => {
    expect(() => createLimiter(bad)).toThrow(RangeError);
    expect(() => createLimiter(bad)).toThrow(`limit must be an integer >= 1, got ${bad}`);
  });
});

describe('mapLimited', () => {
  it('keeps the input order even when later items finish first, with at most `limit` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const delays = [30, 5, 20, 1, 10, 2];
    const out = await mapLimited(delays, 3, async (ms, i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight--;
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
    expect(most).toBe(3);
  });
});
