/**
 * The throughput comparison times N no-op jobs through our queue and through BullMQ. What is asserted is
 * what the number means: it is taken only after every job completed, and it is a duration inside the call.
 */
import { redisForFile } from '@lab/common/testing';
import { describe, expect, it } from 'vitest';
import { RedisQueue } from '../src/queue.ts';
import { timeBullmq, timeOurs } from '../src/throughput.ts';

const { redis, prefix: PREFIX } = await redisForFile(import.meta.url);
const JOBS = 20;

describe('timeOurs', () => {
  it('returns only after every job was acked, and the time it returns lies inside the call', async () => {
    const prefix = `${PREFIX}ours:`;
    const before = performance.now();
    const ms = await timeOurs({ redis, prefix, jobs: JOBS, concurrency: 2 });
    const outer = performance.now() - before;
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThanOrEqual(outer);
    // Stopping early (on the first completion) would leave jobs waiting or active.
    const queue = new RedisQueue({ redis, prefix });
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, dead: 0 });
    // Every job of the run was enqueued under the run's prefix and completed there.
    const jobKeys = await redis.keys(`${queue.keys.job}*`);
    expect(jobKeys).toHaveLength(JOBS);
    const states = await Promise.all(jobKeys.map((key) => queue.get(key.slice(queue.keys.job.length))));
    expect(states.map((s) => s?.status)).toEqual(Array(JOBS).fill('completed'));
    expect(new Set(states.map((s) => JSON.stringify(s?.payload))).size).toBe(JOBS);
  });
});

describe('timeBullmq', () => {
  it('returns only after every job completed, under the run prefix without its trailing colon', async () => {
    const prefix = `${PREFIX}bull:`;
    const before = performance.now();
    const ms = await timeBullmq({ redis, prefix, jobs: JOBS, concurrency: 2 });
    const outer = performance.now() - before;
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThanOrEqual(outer);
    // BullMQ joins prefix and queue name with ':'; the trailing ':' is dropped so keys are not `bull::reports`.
    const base = `${PREFIX}bull:reports:`;
    expect(await redis.exists(`${base}meta`)).toBe(1);
    expect(await redis.keys(`${PREFIX}bull::*`)).toEqual([]);
    // removeOnComplete: nothing waits, nothing is active, nothing failed, no job hash is left.
    expect(await redis.llen(`${base}wait`)).toBe(0);
    expect(await redis.llen(`${base}active`)).toBe(0);
    expect(await redis.zcard(`${base}failed`)).toBe(0);
    expect(await redis.get(`${base}id`)).toBe(String(JOBS));
  });
});
