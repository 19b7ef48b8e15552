/**
 * The throughput comparison times N no-op jobs through our queue and through BullMQ. What is asserted is
 * what the number means: it is taken only after every job completed, and it is a duration inside the call.
 */
import { randomUUID } from 'node:crypto';
import { redisForFile } from '@lab/common/testing';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { RedisQueue } from '../src/queue.ts';
import { timeBullmq, timeOurs } from '../src/throughput.ts';

const { redis, prefix: PREFIX } = await redisForFile(import.meta.url);
const JOBS = 20;

/**
 * Connections named `name` still open on the server. A duplicated ioredis client keeps its original's
 * connection name, so the connections a timing run opens from a named client can be found after it.
 */
async function openConnections(name: string): Promise<number> {
  const list = (await redis.client('LIST')) as string;
  return list.split('\n').filter((line) => line.includes(` name=${name} `)).length;
}

/**
 * The connections named `name` left once the server saw the closes: a closed socket leaves CLIENT LIST
 * a moment after the client's disconnect(), so this looks again (up to 300 times, 10 ms apart) before
 * answering; a leaked connection is still there at the end.
 */
async function leftOpen(name: string): Promise<number> {
  for (let tries = 0; tries < 300; tries++) {
    if ((await openConnections(name)) === 0) return 0;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return openConnections(name);
}

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

describe('both timings', () => {
  it.each([
    ['ours', timeOurs],
    ['BullMQ', timeBullmq],
  ] as const)('%s: closes the connections it opened before returning', async (label, time) => {
    const name = `tp-${randomUUID().slice(0, 8)}`;
    const named = new Redis(String(process.env.REDIS_URL), { connectionName: name });
    try {
      await named.ping();
      await time({ redis: named, prefix: `${PREFIX}close-${label}:`, jobs: 3, concurrency: 1 });
      // Only the caller's own connection stays: the worker's blocking one is gone (checked until it is).
      named.disconnect();
      expect(await leftOpen(name)).toBe(0);
    } finally {
      named.disconnect();
    }
  });
});
