import { describe, expect, it } from 'vitest';
import { hashBlocking, hashOnThreadpool, runWithThreadpoolSize } from '../src/libuv-threadpool.ts';
import { countTicksDuring } from '../src/tick-counter.ts';

// ~50-100 ms of SHA-256 work.
const ITERATIONS = 300_000;

describe('the libuv threadpool', () => {
  it('blocks the loop with pbkdf2Sync and not with pbkdf2, for the same hash', async () => {
    const blocking = await countTicksDuring(() => hashBlocking('secret', ITERATIONS));
    const pooled = await countTicksDuring(() => hashOnThreadpool('secret', ITERATIONS));
    expect(blocking.ticks).toBe(0);
    expect(pooled.ticks).toBeGreaterThan(0);
    expect(pooled.result).toBe(blocking.result);
  });

  it('with UV_THREADPOOL_SIZE=1, runs jobs strictly in submission order and queues fs behind crypto', async () => {
    // Later hashes are 200× cheaper, yet they wait: one pool thread, first in, first out.
    const report = await runWithThreadpoolSize(1, { hashes: [200_000, 1_000, 1_000], readFileAfter: true });
    expect(report.poolSize).toBe(1);
    expect(report.order).toEqual(['hash#0', 'hash#1', 'hash#2', 'readFile']);
  });

  it('reports every job once with a bigger pool, whatever the order', async () => {
    const report = await runWithThreadpoolSize(4, { hashes: [50_000, 1_000, 1_000], readFileAfter: true });
    expect(report.poolSize).toBe(4);
    expect([...report.order].sort()).toEqual(['hash#0', 'hash#1', 'hash#2', 'readFile']);
  });

  it('refuses bad sizes', async () => {
    await expect(runWithThreadpoolSize(0, { hashes: [1], readFileAfter: false })).rejects.toThrow(RangeError);
    await expect(runWithThreadpoolSize(2, { hashes: [], readFileAfter: false })).rejects.toThrow(
      /at least one/,
    );
    expect(() => hashBlocking('x', 0)).toThrow(RangeError);
  });
});
