import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashBlocking, hashOnThreadpool, runWithThreadpoolSize } from '../src/libuv-threadpool.ts';
import { countTicksDuring } from '../src/tick-counter.ts';

// ~50-100 ms of SHA-256 work.
const ITERATIONS = 300_000;
const refused = (message: string) => ({ name: 'RangeError', message });

afterEach(() => {
  vi.unstubAllEnvs();
});

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

  it('runs only the hashes when no file read is asked for', async () => {
    const report = await runWithThreadpoolSize(1, { hashes: [2_000, 1_000], readFileAfter: false });
    expect(report.order).toEqual(['hash#0', 'hash#1']);
  });

  it('rejects, instead of waiting forever, when the child exits without reporting', async () => {
    // Every Node this process starts from now on runs this first, and exits with code 7.
    vi.stubEnv('NODE_OPTIONS', '--import=data:text/javascript,process.exit(7)');
    await expect(runWithThreadpoolSize(2, { hashes: [1_000], readFileAfter: false })).rejects.toThrow(
      'threadpool child exited with code 7 before reporting',
    );
  });

  it('refuses bad sizes before starting a child or a hash, naming the bad one', async () => {
    for (const poolSize of [0, 1_025, 1.5])
      await expect(
        runWithThreadpoolSize(poolSize, { hashes: [1], readFileAfter: false }),
      ).rejects.toMatchObject(
        refused(`UV_THREADPOOL_SIZE must be an integer from 1 to 1024, got ${poolSize}`),
      );
    await expect(runWithThreadpoolSize(2, { hashes: [], readFileAfter: false })).rejects.toThrow(
      new RangeError('give at least one hash to run'),
    );
    for (const iterations of [0, 10_000_001, 2.5]) {
      const message = `iterations must be an integer from 1 to 10,000,000, got ${iterations}`;
      expect(() => hashBlocking('x', iterations)).toThrow(new RangeError(message));
      expect(() => hashOnThreadpool('x', iterations)).toThrow(new RangeError(message));
    }
    // A pool of 1024 and hashes of 1 and 10,000,000 iterations pass: what refuses this run is the last hash.
    await expect(
      runWithThreadpoolSize(1_024, { hashes: [1, 10_000_000, 0], readFileAfter: false }),
    ).rejects.toMatchObject(refused('iterations must be an integer from 1 to 10,000,000, got 0'));
  });
});
