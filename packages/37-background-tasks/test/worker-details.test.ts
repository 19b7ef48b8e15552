/**
 * QueueWorker's finer behaviour: the heartbeat's default period and what a refused heartbeat does, the
 * recovery from a failed reserve, one shared blocking wait for all idle loops, and its counters. The
 * queue is a real RedisQueue; where a test needs a Redis answer that is hard to provoke (a refused
 * heartbeat, a reserve that throws) a subclass overrides that one method and counts its calls.
 */
import { deferred } from '@lab/common/sync';
import { redisForFile } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReservedJob } from '../src/job.ts';
import { type FailOutcome, type QueueOptions, RedisQueue } from '../src/queue.ts';
import { type HandlerContext, QueueWorker } from '../src/worker.ts';
import { eventLog, heldWorker } from './_worker-harness.ts';

const { redis, prefix: PREFIX } = await redisForFile(import.meta.url);
let n = 0;

afterEach(() => {
  vi.useRealTimers();
});

/** A real queue that counts calls and can be told to answer some of them differently. */
class CountingQueue extends RedisQueue {
  heartbeats = 0;
  reserves = 0;
  waits = 0;
  heartbeatAnswer: (() => Promise<boolean>) | undefined;
  reserveFailures = 0;
  failAnswer: FailOutcome | undefined;
  onWait: (() => void) | undefined;
  constructor(options: Partial<QueueOptions> = {}) {
    super({ redis, prefix: `${PREFIX}${n++}:`, backoff: { random: () => 0 }, ...options });
  }
  override heartbeat(job: ReservedJob): Promise<boolean> {
    this.heartbeats++;
    return this.heartbeatAnswer ? this.heartbeatAnswer() : super.heartbeat(job);
  }
  override reserve(): Promise<ReservedJob | undefined> {
    this.reserves++;
    if (this.reserveFailures > 0) {
      this.reserveFailures--;
      return Promise.reject(new Error('READONLY You can not write against a read only replica.'));
    }
    return super.reserve();
  }
  override waitForWork(blocking: Redis, timeoutMs: number): Promise<boolean> {
    this.waits++;
    this.onWait?.();
    return super.waitForWork(blocking, timeoutMs);
  }
  override async fail(job: ReservedJob, error: unknown): Promise<FailOutcome> {
    return this.failAnswer ?? super.fail(job, error);
  }
}

describe('QueueWorker heartbeat', () => {
  it('by default extends the lease every third of the visibility timeout', async () => {
    // Only setInterval is faked (the heartbeat's timer): Redis I/O and the worker's loop run for real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const queue = new CountingQueue({ visibilityTimeoutMs: 300 });
    const { worker, started, release, log } = heldWorker(queue, { pollMs: 50 });
    await queue.enqueue({});
    worker.start();
    await started.promise;
    vi.advanceTimersByTime(99);
    expect(queue.heartbeats).toBe(0);
    vi.advanceTimersByTime(1);
    expect(queue.heartbeats).toBe(1);
    vi.advanceTimersByTime(200);
    expect(queue.heartbeats).toBe(3);
    release.resolve();
    await log.when((e) => e.length === 1);
    // Settled: the timer is cleared, no heartbeat after the ack.
    vi.advanceTimersByTime(1_000);
    expect(queue.heartbeats).toBe(3);
    await worker.stop();
    expect(log.events).toMatchObject([{ type: 'completed' }]);
  });

  it('an explicit heartbeatMs wins over the default', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const queue = new CountingQueue({ visibilityTimeoutMs: 300 });
    const { worker, started, release, log } = heldWorker(queue, { pollMs: 50, heartbeatMs: 40 });
    await queue.enqueue({});
    worker.start();
    await started.promise;
    vi.advanceTimersByTime(120);
    expect(queue.heartbeats).toBe(3);
    release.resolve();
    await log.when((e) => e.length === 1);
    await worker.stop();
  });

  it('a refused heartbeat aborts the handler’s signal with "lease lost"; a failed one does not', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const queue = new CountingQueue({ visibilityTimeoutMs: 300 });
    const started = deferred<HandlerContext>();
    const release = deferred();
    const log = eventLog();
    const worker = new QueueWorker(
      queue,
      async (_job, context) => {
        started.resolve(context);
        await release.promise;
      },
      { pollMs: 50, onEvent: log.onEvent },
    );
    await queue.enqueue({});
    worker.start();
    const { signal } = await started.promise;
    expect(signal).toBeInstanceOf(AbortSignal);
    // A heartbeat Redis accepts (the lease is still ours) leaves the signal alone.
    queue.heartbeatAnswer = () => Promise.resolve(true);
    const held = queue.heartbeats;
    vi.advanceTimersByTime(100);
    expect(queue.heartbeats).toBe(held + 1);
    // setImmediate runs after the microtasks that deliver the answer to the worker.
    await new Promise((resolve) => setImmediate(resolve));
    expect(signal.aborted).toBe(false);
    // Redis unreachable for a beat: the lease may still be held, so the handler goes on.
    queue.heartbeatAnswer = () => Promise.reject(new Error('connection lost'));
    vi.advanceTimersByTime(100);
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(signal.aborted).toBe(false);
    // Redis answers that this holder has no lease any more.
    const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    queue.heartbeatAnswer = () => Promise.resolve(false);
    vi.advanceTimersByTime(100);
    await aborted;
    expect(signal.reason).toBeInstanceOf(Error);
    expect((signal.reason as Error).message).toBe('lease lost');
    queue.heartbeatAnswer = undefined;
    release.resolve();
    await log.when((e) => e.length === 1);
    await worker.stop();
  });
});

describe('QueueWorker loop', () => {
  it('a reserve that throws is reported as an error event, and the worker tries again', async () => {
    const queue = new CountingQueue();
    queue.reserveFailures = 1;
    const log = eventLog();
    const { id } = await queue.enqueue({});
    const worker = new QueueWorker(queue, async () => 'ok', { pollMs: 10, onEvent: log.onEvent }).start();
    await log.when((e) => e.some((x) => x.type === 'completed'));
    await worker.stop();
    expect(log.events).toEqual([
      { type: 'error', error: 'Error: READONLY You can not write against a read only replica.' },
      { type: 'completed', id, attempt: 1 },
    ]);
    expect(worker.handled).toBe(1);
    expect(worker.running).toBe(0);
  });

  it('idle loops share one blocking wait, and wait again after work arrived', async () => {
    const queue = new CountingQueue();
    const log = eventLog();
    const firstWait = deferred();
    queue.onWait = () => firstWait.resolve();
    const worker = new QueueWorker(queue, async () => null, {
      concurrency: 3,
      pollMs: 60_000,
      onEvent: log.onEvent,
    }).start();
    await firstWait.promise;
    const secondWait = deferred();
    queue.onWait = () => secondWait.resolve();
    const { id } = await queue.enqueue({});
    await log.when((e) => e.length === 1);
    // After the job, the loops are idle again and block again: a second wait, not a busy loop of reserves.
    await secondWait.promise;
    // Three idle loops, one BLMOVE at a time on the worker's own connection: two waits in all.
    expect(queue.waits).toBe(2);
    expect(queue.reserves).toBeLessThan(20);
    await worker.stop();
    expect(log.events).toEqual([{ type: 'completed', id, attempt: 1 }]);
    expect(worker.running).toBe(0);
  });

  it('stop() before start() resolves at once', async () => {
    const worker = new QueueWorker(new CountingQueue(), async () => null);
    await worker.stop();
    expect(worker.stopping).toBe(true);
    expect(worker.running).toBe(0);
  });

  it('a failure refused as stale (the lease went elsewhere) is reported as lease-lost, not dead', async () => {
    const queue = new CountingQueue({ maxAttempts: 1 });
    queue.failAnswer = { outcome: 'stale' };
    const log = eventLog();
    const { id } = await queue.enqueue({});
    const worker = new QueueWorker(
      queue,
      async () => {
        throw new Error('renderer crashed');
      },
      { pollMs: 10, onEvent: log.onEvent },
    ).start();
    await log.when((e) => e.length === 1);
    await worker.stop();
    expect(log.events).toEqual([{ type: 'lease-lost', id, attempt: 1 }]);
  });

  it('names the refused concurrency', () => {
    expect(() => new QueueWorker(new CountingQueue(), async () => null, { concurrency: 1.5 })).toThrow(
      'concurrency is a positive integer, got 1.5',
    );
  });
});
