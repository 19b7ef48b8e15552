import { redisForFile } from '@lab/common/testing';
import { describe, expect, it } from 'vitest';
import type { ReservedJob } from '../src/job.ts';
import { RedisQueue } from '../src/queue.ts';

const { redis, prefix: PREFIX } = await redisForFile(import.meta.url);
const T0 = 1_700_000_000_000;
const VISIBILITY = 30_000;

let n = 0;

/** A fresh queue under its own prefix, on a clock the test moves by hand (`clock.t`). */
function freshQueue(options: { maxAttempts?: number; random?: number } = {}) {
  const clock = { t: T0 };
  const queue = new RedisQueue({
    redis,
    prefix: `${PREFIX}${n++}:`,
    visibilityTimeoutMs: VISIBILITY,
    maxAttempts: options.maxAttempts ?? 3,
    backoff: { baseMs: 1_000, maxMs: 60_000, random: () => options.random ?? 0.5 },
    keepCompletedMs: 60_000,
    now: () => clock.t,
  });
  return { queue, clock };
}

const reserved = async (queue: RedisQueue): Promise<ReservedJob> => {
  const job = await queue.reserve();
  if (!job) throw new Error('expected a job');
  return job;
};

describe('enqueue and reserve', () => {
  it('a new job is waiting with 0 attempts, and reserve hands out the oldest first (FIFO)', async () => {
    const { queue } = freshQueue();
    const a = await queue.enqueue({ n: 1 });
    const b = await queue.enqueue({ n: 2 });
    expect(a.outcome).toBe('created');
    expect(await queue.get(a.id)).toMatchObject({
      status: 'waiting',
      attempts: 0,
      maxAttempts: 3,
      createdAt: T0,
    });
    const first = await reserved(queue);
    const second = await reserved(queue);
    expect([first.id, second.id]).toEqual([a.id, b.id]);
    expect(first).toMatchObject({ payload: { n: 1 }, attempt: 1, maxAttempts: 3, deadline: T0 + VISIBILITY });
    expect(await queue.reserve()).toBeUndefined();
    expect(await queue.counts()).toEqual({ waiting: 0, active: 2, delayed: 0, dead: 0 });
    expect((await queue.get(a.id))?.status).toBe('active');
  });

  it('a duplicate job id adds nothing: one job, the first payload kept', async () => {
    const { queue } = freshQueue();
    expect(await queue.enqueue({ v: 'first' }, { jobId: 'report:42:2024-05' })).toEqual({
      id: 'report:42:2024-05',
      outcome: 'created',
    });
    expect(await queue.enqueue({ v: 'second' }, { jobId: 'report:42:2024-05' })).toEqual({
      id: 'report:42:2024-05',
      outcome: 'duplicate',
    });
    expect((await queue.counts()).waiting).toBe(1);
    expect((await queue.get('report:42:2024-05'))?.payload).toEqual({ v: 'first' });
  });

  it('an idempotency key answers the first job for the same payload and refuses another payload', async () => {
    const { queue } = freshQueue();
    const first = await queue.enqueue({ user: 'u1' }, { idempotencyKey: 'key-1' });
    const again = await queue.enqueue({ user: 'u1' }, { idempotencyKey: 'key-1' });
    const other = await queue.enqueue({ user: 'u2' }, { idempotencyKey: 'key-1' });
    const fresh = await queue.enqueue({ user: 'u1' }, { idempotencyKey: 'key-2' });
    expect(again).toEqual({ id: first.id, outcome: 'replayed' });
    expect(other).toEqual({ id: first.id, outcome: 'conflict' });
    expect(fresh.outcome).toBe('created');
    expect(fresh.id).not.toBe(first.id);
    expect((await queue.counts()).waiting).toBe(2);
    expect(await redis.pttl(`${queue.prefix}idem:key-1`)).toBeGreaterThan(86_000_000);
  });

  it('payloads with NUL, a lone surrogate and 10k characters round-trip (JSON escapes them)', async () => {
    const { queue } = freshQueue();
    const payload = { nul: 'a\u0000b', surrogate: '\ud800', long: 'x'.repeat(10_000) };
    const { id } = await queue.enqueue(payload);
    expect((await reserved(queue)).payload).toEqual(payload);
    expect((await queue.get(id))?.payload).toEqual(payload);
  });

  it('refuses what is not a job: undefined payload, empty or 129-char ids, zero attempts', async () => {
    const { queue } = freshQueue();
    await expect(queue.enqueue(undefined)).rejects.toThrow(/JSON-serialisable/);
    await expect(queue.enqueue({}, { jobId: '' })).rejects.toThrow('a job id has 1-128 characters');
    await expect(queue.enqueue({}, { jobId: 'x'.repeat(129) })).rejects.toThrow(RangeError);
    expect((await queue.enqueue({}, { jobId: 'x'.repeat(128) })).outcome).toBe('created');
    await expect(queue.enqueue({}, { maxAttempts: 0 })).rejects.toThrow(
      'maxAttempts is a positive integer, got 0',
    );
    await expect(queue.enqueue({}, { maxAttempts: 1.5 })).rejects.toThrow(RangeError);
    expect(() => new RedisQueue({ redis, prefix: 'x:', maxAttempts: 0 })).toThrow(
      'maxAttempts is a positive integer, got 0',
    );
    expect(() => new RedisQueue({ redis, prefix: 'x:', visibilityTimeoutMs: 0 })).toThrow(
      'visibilityTimeoutMs must be positive, got 0',
    );
    expect((await queue.counts()).waiting).toBe(1);
  });

  it('keeps every key under its prefix: a list, two sorted sets, a list, a hash per job, the idempotency keys', async () => {
    const { queue } = freshQueue({ maxAttempts: 1 });
    const { id } = await queue.enqueue({}, { idempotencyKey: 'k' });
    await queue.enqueue({}, { delayMs: 1_000 });
    await queue.enqueue({});
    await queue.fail(await reserved(queue), new Error('x'));
    await reserved(queue);
    const p = queue.prefix;
    expect(queue.keys).toEqual({
      ready: `${p}ready`,
      active: `${p}active`,
      delayed: `${p}delayed`,
      dead: `${p}dead`,
      job: `${p}job:`,
    });
    const types = await Promise.all(
      ['ready', 'active', 'delayed', 'dead', `job:${id}`, 'idem:k'].map((k) => redis.type(p + k)),
    );
    expect(types).toEqual(['none', 'zset', 'zset', 'list', 'hash', 'string']);
    expect(await redis.get(`${p}idem:k`)).toBe(id);
  });

  it('waitForWork wakes on a job without taking it, and times out on an empty queue', async () => {
    const { queue } = freshQueue();
    const blocking = redis.duplicate();
    try {
      expect(await queue.waitForWork(blocking, 20)).toBe(false);
      const { id } = await queue.enqueue({});
      expect(await queue.waitForWork(blocking, 1_000)).toBe(true);
      expect(await redis.lrange(queue.keys.ready, 0, -1)).toEqual([id]);
    } finally {
      blocking.disconnect();
    }
  });

  it('get answers undefined for an unknown id', async () => {
    const { queue } = freshQueue();
    expect(await queue.get('nope')).toBeUndefined();
  });
});

describe('delayed jobs', () => {
  it('are not handed out before they are due, and are at the due time exactly', async () => {
    const { queue, clock } = freshQueue();
    const { id } = await queue.enqueue({}, { delayMs: 5_000 });
    expect(await queue.get(id)).toMatchObject({ status: 'delayed', runAt: T0 + 5_000 });
    clock.t = T0 + 4_999;
    expect(await queue.reserve()).toBeUndefined();
    clock.t = T0 + 5_000;
    expect((await reserved(queue)).id).toBe(id);
    expect((await queue.get(id))?.runAt).toBeUndefined();
  });

  it('maintain promotes due jobs without taking one', async () => {
    const { queue, clock } = freshQueue();
    await queue.enqueue({}, { delayMs: 1_000 });
    await queue.enqueue({}, { delayMs: 2_000 });
    clock.t = T0 + 1_000;
    expect(await queue.maintain()).toEqual({ promoted: 1, requeued: 0, buried: 0 });
    expect(await queue.counts()).toEqual({ waiting: 1, active: 0, delayed: 1, dead: 0 });
  });
});

describe('the visibility timeout', () => {
  it('returns a job whose lease expired: not at deadline - 1, at the deadline', async () => {
    const { queue, clock } = freshQueue();
    const { id } = await queue.enqueue({});
    const first = await reserved(queue);
    expect(await queue.maintain(T0 + VISIBILITY - 1)).toEqual({ promoted: 0, requeued: 0, buried: 0 });
    expect(await queue.maintain(T0 + VISIBILITY)).toEqual({ promoted: 0, requeued: 1, buried: 0 });
    expect(await queue.get(id)).toMatchObject({ status: 'waiting', attempts: 1 });
    expect((await queue.get(id))?.lastError).toMatch(/lease expired/);
    clock.t = T0 + VISIBILITY;
    const second = await reserved(queue);
    expect(second).toMatchObject({ id, attempt: 2 });
    // The first holder comes back: its ack, failure and heartbeat are all refused.
    expect(await queue.complete(first)).toBe(false);
    expect(await queue.fail(first, new Error('late'))).toEqual({ outcome: 'stale' });
    expect(await queue.heartbeat(first)).toBe(false);
    expect(await queue.complete(second, 'ok')).toBe(true);
    expect((await queue.get(id))?.status).toBe('completed');
  });

  it('an expired job goes to the front of the queue, before newer ones', async () => {
    const { queue } = freshQueue();
    const old = await queue.enqueue({ n: 'old' });
    await reserved(queue);
    await queue.enqueue({ n: 'new' });
    await queue.maintain(T0 + VISIBILITY);
    expect((await reserved(queue)).id).toBe(old.id);
  });

  it('a heartbeat moves the deadline a full timeout from now', async () => {
    const { queue, clock } = freshQueue();
    await queue.enqueue({});
    const job = await reserved(queue);
    clock.t = T0 + 20_000;
    expect(await queue.heartbeat(job)).toBe(true);
    expect(job.deadline).toBe(T0 + 20_000 + VISIBILITY);
    expect(await queue.maintain(T0 + VISIBILITY)).toMatchObject({ requeued: 0 });
    expect(await queue.maintain(T0 + 20_000 + VISIBILITY)).toMatchObject({ requeued: 1 });
  });

  it('a job that expires on its last attempt goes to the dead list, not back to the queue', async () => {
    const { queue } = freshQueue({ maxAttempts: 1 });
    const { id } = await queue.enqueue({});
    await reserved(queue);
    expect(await queue.maintain(T0 + VISIBILITY)).toEqual({ promoted: 0, requeued: 0, buried: 1 });
    expect(await queue.deadJobs()).toEqual([id]);
    expect(await queue.get(id)).toMatchObject({ status: 'dead', finishedAt: T0 + VISIBILITY });
  });
});

describe('completion, retries and the dead list', () => {
  it('complete stores the result, leaves the active set and keeps the record for keepCompletedMs', async () => {
    const { queue, clock } = freshQueue();
    const { id } = await queue.enqueue({});
    const job = await reserved(queue);
    clock.t = T0 + 250;
    expect(await queue.complete(job, { url: '/r/1' })).toBe(true);
    expect(await queue.get(id)).toMatchObject({
      status: 'completed',
      result: { url: '/r/1' },
      finishedAt: T0 + 250,
    });
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, dead: 0 });
    const ttl = await redis.pttl(queue.keys.job + id);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // Acking twice is refused: the job is no longer leased.
    expect(await queue.complete(job)).toBe(false);
  });

  it('a failure schedules a retry after exponential backoff with jitter (random 0.5: 500, 1000 ms)', async () => {
    const { queue, clock } = freshQueue();
    const { id } = await queue.enqueue({});
    const first = await reserved(queue);
    expect(await queue.fail(first, new TypeError('boom'))).toEqual({ outcome: 'retry', delayMs: 500 });
    expect(await queue.get(id)).toMatchObject({
      status: 'delayed',
      runAt: T0 + 500,
      lastError: 'TypeError: boom',
    });
    clock.t = T0 + 499;
    expect(await queue.reserve()).toBeUndefined();
    clock.t = T0 + 500;
    const second = await reserved(queue);
    expect(second.attempt).toBe(2);
    expect(await queue.fail(second, 'plain string')).toEqual({ outcome: 'retry', delayMs: 1_000 });
    expect((await queue.get(id))?.lastError).toBe('plain string');
  });

  it('after maxAttempts failures the job is dead, on the dead list, and redrive puts it back', async () => {
    const { queue, clock } = freshQueue({ maxAttempts: 2, random: 0 });
    const { id } = await queue.enqueue({ n: 1 });
    expect(await queue.fail(await reserved(queue), new Error('one'))).toEqual({
      outcome: 'retry',
      delayMs: 0,
    });
    clock.t += 1;
    expect(await queue.fail(await reserved(queue), new Error('two'))).toEqual({ outcome: 'dead' });
    expect(await queue.get(id)).toMatchObject({ status: 'dead', attempts: 2, lastError: 'Error: two' });
    expect(await queue.deadJobs()).toEqual([id]);
    expect(await queue.reserve()).toBeUndefined();
    expect(await queue.redrive(id)).toBe(true);
    expect(await queue.redrive(id)).toBe(false);
    expect(await queue.get(id)).toMatchObject({ status: 'waiting', attempts: 0 });
    expect((await queue.get(id))?.finishedAt).toBeUndefined();
    expect((await reserved(queue)).attempt).toBe(1);
  });

  it('an error text is cut after 500 characters (500 kept whole, 501 cut with an ellipsis)', async () => {
    const { queue } = freshQueue();
    const exact = await queue.enqueue({});
    await queue.fail(await reserved(queue), 'e'.repeat(500));
    expect((await queue.get(exact.id))?.lastError).toBe('e'.repeat(500));
    const over = await queue.enqueue({});
    await queue.fail(await reserved(queue), 'e'.repeat(501));
    expect((await queue.get(over.id))?.lastError).toBe(`${'e'.repeat(500)}…`);
  });

  it('a result JSON cannot hold is stored as null; the dead list is newest first', async () => {
    const { queue } = freshQueue({ maxAttempts: 1 });
    const { id } = await queue.enqueue({});
    await queue.complete(await reserved(queue), () => 'a function');
    expect((await queue.get(id))?.result).toBeNull();
    const dead: string[] = [];
    for (let i = 0; i < 3; i++) {
      dead.push((await queue.enqueue({ i })).id);
      await queue.fail(await reserved(queue), 'no');
    }
    expect(await queue.deadJobs()).toEqual([...dead].reverse());
  });
});
