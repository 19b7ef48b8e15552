import { threadId } from 'node:worker_threads';
import { runInFreshWorker } from '@lab/common/workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CpuTaskResult } from '../src/_cpu-worker.ts';
import { cpuHeavy } from '../src/cpu-job.ts';
import { CpuPool, cpuWorkerFile } from '../src/cpu-pool.ts';
import { runInFreshWorkers, runInPool, runPromiseAll, runSequential } from '../src/strategies.ts';

const SIZES = [3_000_000, 1_000_000, 2_000_000, 500_000];

describe('worker threads and piscina', () => {
  let pool: CpuPool;
  let poolThreads: number[];
  beforeAll(async () => {
    pool = new CpuPool({ threads: 2 });
    poolThreads = await pool.meet();
  });
  afterAll(() => pool.close());

  it('runs two tasks at the same time: both meet at a barrier only two simultaneous threads can pass', () => {
    expect(new Set(poolThreads).size).toBe(2);
    expect(poolThreads).not.toContain(threadId);
  });

  it('gives identical checksums sequentially, with Promise.all, in the pool and in fresh workers', async () => {
    const expected = SIZES.map(cpuHeavy);
    expect(runSequential(SIZES).checksums).toEqual(expected);
    expect((await runPromiseAll(SIZES)).checksums).toEqual(expected);
    expect((await runInPool(pool, SIZES)).checksums).toEqual(expected);
    expect((await runInFreshWorkers(SIZES)).checksums).toEqual(expected);
  });

  it('keeps the sequential run and Promise.all on the calling thread, and the pool on its own threads', async () => {
    expect(runSequential(SIZES).threadIds).toEqual([threadId]);
    expect((await runPromiseAll(SIZES)).threadIds).toEqual([threadId]);
    const inPool = await runInPool(pool, SIZES);
    // Which of the two threads took which task is the scheduler's call; that each one is a pool thread is not.
    expect(inPool.threadIds).not.toContain(threadId);
    for (const id of inPool.threadIds) expect(poolThreads).toContain(id);
  });

  it('reuses the pool threads but starts a new thread for every fresh-worker task', async () => {
    const before = pool.completed;
    await runInPool(pool, SIZES);
    expect(pool.completed - before).toBe(SIZES.length);
    const fresh = await runInFreshWorkers(SIZES);
    expect(fresh.threadIds).toHaveLength(SIZES.length);
    for (const id of fresh.threadIds) expect(poolThreads).not.toContain(id);
  });

  it('runs Promise.all jobs one after another: each starts only when the previous one ended', async () => {
    const events: string[] = [];
    await Promise.all(
      [1, 2, 3].map(async (i) => {
        events.push(`start ${i}`);
        cpuHeavy(100_000);
        events.push(`end ${i}`);
      }),
    );
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('carries an error thrown on a worker thread back to the caller, type and message intact', async () => {
    const failing = runInFreshWorker<{ n: number }, CpuTaskResult>(cpuWorkerFile, { n: -5 });
    await expect(failing).rejects.toThrow(RangeError);
    await expect(failing).rejects.toThrow(/got -5/);
  });

  it('runs a pool of a single thread, which meets only itself', async () => {
    const single = new CpuPool({ threads: 1 });
    try {
      expect(single.threads).toBe(1);
      const met = await single.meet();
      expect(met).toHaveLength(1);
      expect(met).not.toContain(threadId);
      expect((await single.run(1_000)).checksum).toBe(cpuHeavy(1_000));
    } finally {
      await single.close();
    }
  });

  it('refuses bad input before any thread is involved', async () => {
    await expect(pool.run(Number.NaN)).rejects.toThrow(RangeError);
    for (const threads of [0, 1.5])
      expect(() => new CpuPool({ threads })).toThrow(
        new RangeError(`threads must be a positive integer, got ${threads}`),
      );
    expect(() => runSequential([])).toThrow(/at least one task/);
    await expect(pool.meet(3)).rejects.toThrow(/cannot meet 3 tasks on 2 threads/);
  });
});
