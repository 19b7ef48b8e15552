import { deferred } from '@lab/common/sync';
import { redisForFile } from '@lab/common/testing';
import { describe, expect, it } from 'vitest';
import type { ReservedJob } from '../src/job.ts';
import { RedisQueue } from '../src/queue.ts';
import { QueueWorker } from '../src/worker.ts';
import { eventLog, heldWorker } from './_worker-harness.ts';

const { redis, prefix: PREFIX } = await redisForFile(import.meta.url);
let n = 0;

const freshQueue = (options: { maxAttempts?: number } = {}) =>
  new RedisQueue({
    redis,
    prefix: `${PREFIX}${n++}:`,
    maxAttempts: options.maxAttempts ?? 3,
    // random 0: every retry is due at once, so the test needs no clock for backoff.
    backoff: { random: () => 0 },
  });

describe('QueueWorker', () => {
  it('runs at most `concurrency` jobs at once and completes all of them', async () => {
    const queue = freshQueue();
    const release = deferred();
    let inHandler = 0;
    let most = 0;
    const twoIn = deferred();
    const log = eventLog();
    const worker = new QueueWorker(
      queue,
      async () => {
        inHandler++;
        most = Math.max(most, inHandler);
        if (inHandler === 2) twoIn.resolve();
        await release.promise;
        inHandler--;
      },
      { concurrency: 2, pollMs: 50, onEvent: log.onEvent },
    ).start();
    for (let i = 0; i < 5; i++) await queue.enqueue({ i });
    await twoIn.promise;
    expect(worker.running).toBe(2);
    expect((await queue.counts()).active).toBe(2);
    release.resolve();
    await log.when((e) => e.filter((x) => x.type === 'completed').length === 5);
    await worker.stop();
    expect(most).toBe(2);
    expect(worker.handled).toBe(5);
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, dead: 0 });
  });

  it('a job that keeps failing is retried, then buried on the dead list', async () => {
    const queue = freshQueue({ maxAttempts: 3 });
    const log = eventLog();
    const attempts: number[] = [];
    const worker = new QueueWorker(
      queue,
      async (job) => {
        attempts.push(job.attempt);
        throw new Error(`attempt ${job.attempt} failed`);
      },
      { pollMs: 20, onEvent: log.onEvent },
    ).start();
    const { id } = await queue.enqueue({});
    await log.when((e) => e.some((x) => x.type === 'dead'));
    await worker.stop();
    expect(attempts).toEqual([1, 2, 3]);
    expect(log.events.map((e) => e.type)).toEqual(['retry', 'retry', 'dead']);
    expect(log.events[2]).toEqual({ type: 'dead', id, attempt: 3, error: 'Error: attempt 3 failed' });
    expect(await queue.deadJobs()).toEqual([id]);
  });

  it('stop() lets the running job finish and ack, and takes no new job', async () => {
    const queue = freshQueue();
    const started = deferred<ReservedJob>();
    const release = deferred();
    const seen: string[] = [];
    const worker = new QueueWorker(
      queue,
      async (job) => {
        seen.push(job.id);
        started.resolve(job);
        await release.promise;
        return 'done';
      },
      { pollMs: 20 },
    ).start();
    const first = await queue.enqueue({ n: 1 });
    await started.promise;
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    const second = await queue.enqueue({ n: 2 });
    // Still running: stop waits for the job in hand.
    await Promise.resolve();
    expect(stopped).toBe(false);
    expect(worker.stopping).toBe(true);
    release.resolve();
    await stopping;
    expect(seen).toEqual([first.id]);
    expect(await queue.get(first.id)).toMatchObject({ status: 'completed', result: 'done' });
    expect(await queue.get(second.id)).toMatchObject({ status: 'waiting', attempts: 0 });
  });

  it('a job whose lease expired under it reports lease-lost, and runs again on a new lease', async () => {
    const queue = freshQueue();
    const { worker, started, release, log } = heldWorker(queue, { pollMs: 20 });
    const { id } = await queue.enqueue({});
    worker.start();
    await started.promise;
    // The reaper runs as if the visibility timeout had passed: the job goes back to the queue.
    expect(await queue.maintain(Date.now() + queue.visibilityTimeoutMs + 1)).toMatchObject({ requeued: 1 });
    release.resolve();
    await log.when((e) => e.length === 2);
    await worker.stop();
    expect(log.events).toEqual([
      { type: 'lease-lost', id, attempt: 1 },
      { type: 'completed', id, attempt: 2 },
    ]);
    expect(await queue.get(id)).toMatchObject({ status: 'completed', attempts: 2 });
  });

  it('refuses a concurrency that is not a positive integer, and a second start', () => {
    const queue = freshQueue();
    expect(() => new QueueWorker(queue, async () => {}, { concurrency: 0 })).toThrow(RangeError);
    const worker = new QueueWorker(queue, async () => {}).start();
    expect(() => worker.start()).toThrow(/already started/);
    return worker.stop();
  });
});
