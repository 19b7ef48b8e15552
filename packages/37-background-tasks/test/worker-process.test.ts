/**
 * Workers in their own processes, as in production. Each test synchronises on what a worker says over IPC
 * ("ready", "holding", "stopping"), never on sleeps: a held handler waits on a latch the test releases.
 */
import type { ChildProcess } from 'node:child_process';
import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testRedis } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisQueue } from '../src/queue.ts';
import { reportSink } from '../src/report.ts';
import { forkReportWorker, type WorkerProcess } from '../src/worker-process.ts';
import type { WorkerProcessSettings } from '../src/worker-protocol.ts';

const PREFIX = testKeyPrefix(import.meta.url);
/** Long enough that no lease expires by itself during a test: expiry is driven by maintain(now). */
const VISIBILITY = 60_000;
const REQUEST = { userId: 'u-1', kind: 'sales', month: '2024-05' };

let redis: Redis;
let n = 0;
const children: ChildProcess[] = [];
beforeAll(async () => {
  redis = await testRedis();
});
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  await deleteKeysWithPrefix(redis, PREFIX);
  await redis.quit();
});

const startWorker = (prefix: string, hold: WorkerProcessSettings['hold']): Promise<WorkerProcess> =>
  forkReportWorker({
    redisUrl: String(process.env.REDIS_URL),
    prefix,
    hold,
    visibilityTimeoutMs: VISIBILITY,
  }).then((worker) => {
    children.push(worker.child);
    return worker;
  });

function setup() {
  const prefix = `${PREFIX}${n++}:`;
  const queue = new RedisQueue({ redis, prefix, visibilityTimeoutMs: VISIBILITY, maxAttempts: 3 });
  const sink = reportSink(prefix);
  return { prefix, queue, sink };
}

describe('a worker killed mid-job (SIGKILL)', () => {
  it.each([
    ['before it published the report', 'before-publish', null],
    ['after it published, before the ack', 'after-publish', true],
  ] as const)(
    '%s: another worker completes the job, and the report is published once',
    async (_, hold, published) => {
      const { prefix, queue, sink } = setup();
      const first = await startWorker(prefix, hold);
      const { id } = await queue.enqueue(REQUEST);
      const holding = await first.next('holding');
      expect(holding).toEqual({ type: 'holding', id, attempt: 1, published });
      first.child.kill('SIGKILL');
      expect(await first.exit).toEqual({ code: null, signal: 'SIGKILL' });
      expect(await queue.get(id)).toMatchObject({ status: 'active', attempts: 1 });

      // The reaper, as if the visibility timeout had passed since the reservation.
      expect(await queue.maintain(Date.now() + VISIBILITY)).toMatchObject({ requeued: 1 });
      const second = await startWorker(prefix, 'none');
      const completed = await second.next('event');
      expect(completed.event).toEqual({ type: 'completed', id, attempt: 2 });
      second.child.kill('SIGTERM');
      expect((await second.exit).code).toBe(0);

      expect(await queue.get(id)).toMatchObject({ status: 'completed', attempts: 2 });
      // At least once: the handler ran twice. Exactly one effect: HSETNX keyed by the job id.
      expect(await redis.hget(sink.deliveries, id)).toBe('2');
      expect(await redis.hlen(sink.reports)).toBe(1);
      expect(JSON.parse((await redis.hget(sink.reports, id)) ?? 'null')).toMatchObject({
        ...REQUEST,
        rows: 2_000,
      });
      // The second delivery found the report already there when the first one had published it.
      expect((await queue.get(id))?.result).toEqual({ published: published === null });
    },
  );
});

describe('a worker stopped with SIGTERM', () => {
  it('finishes and acks the job in hand, takes no new job, and exits 0', async () => {
    const { prefix, queue, sink } = setup();
    const worker = await startWorker(prefix, 'before-publish');
    const first = await queue.enqueue(REQUEST);
    await worker.next('holding');
    worker.child.kill('SIGTERM');
    expect(await worker.next('stopping')).toEqual({ type: 'stopping', running: 1 });
    const second = await queue.enqueue({ ...REQUEST, userId: 'u-2' });
    worker.send({ type: 'release' });
    expect(await worker.exit).toEqual({ code: 0, signal: null });

    expect(await queue.get(first.id)).toMatchObject({ status: 'completed', attempts: 1 });
    expect(await redis.hget(sink.reports, first.id)).not.toBeNull();
    expect(await queue.get(second.id)).toMatchObject({ status: 'waiting', attempts: 0 });
    expect(await queue.counts()).toEqual({ waiting: 1, active: 0, delayed: 0, dead: 0 });
  });

  it('a second signal exits at once with 130, leaving the job leased (its lease will expire)', async () => {
    const { prefix, queue } = setup();
    const worker = await startWorker(prefix, 'before-publish');
    const { id } = await queue.enqueue(REQUEST);
    await worker.next('holding');
    worker.child.kill('SIGTERM');
    await worker.next('stopping');
    worker.child.kill('SIGTERM');
    expect(await worker.exit).toEqual({ code: 130, signal: null });
    expect(await queue.get(id)).toMatchObject({ status: 'active', attempts: 1 });
  });
});

describe('forkReportWorker settings', () => {
  it('passes the visibility timeout to the child: its lease ends that long after it reserved', async () => {
    const { prefix, queue } = setup();
    const worker = await startWorker(prefix, 'before-publish');
    const before = Date.now();
    const { id } = await queue.enqueue(REQUEST);
    await worker.next('holding');
    const after = Date.now();
    // The child reserved between `before` and `after`: the deadline is that plus 60 s. A second of slack
    // for the two processes' reads of the clock (they were seen 1 ms apart); the default lease is 30 s.
    const deadline = Number(await redis.zscore(queue.keys.active, id));
    expect(deadline).toBeGreaterThanOrEqual(before + VISIBILITY - 1_000);
    expect(deadline).toBeLessThanOrEqual(after + VISIBILITY + 1_000);
    worker.child.kill('SIGKILL');
    await worker.exit;
  });

  it('runs with only a Redis URL and a prefix (no hold point), and next() rejects once the child is gone', async () => {
    const { prefix, queue, sink } = setup();
    const worker = await forkReportWorker({ redisUrl: String(process.env.REDIS_URL), prefix });
    children.push(worker.child);
    const { id } = await queue.enqueue(REQUEST);
    expect((await worker.next('event')).event).toEqual({ type: 'completed', id, attempt: 1 });
    expect(await redis.hlen(sink.reports)).toBe(1);
    worker.child.kill('SIGKILL');
    await worker.exit;
    await expect(worker.next('stopping')).rejects.toThrow('the worker process exited before saying stopping');
  });
});
