/** BullMQ beside ours: the same job, the same handler, the same Redis, its own prefix. */
import { once } from 'node:events';
import { redisForFile } from '@lab/common/testing';
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { createBullmqReports } from '../src/bullmq-reports.ts';
import { createReportHandler, reportSink } from '../src/report.ts';

const { redis, prefix: PREFIX } = await redisForFile(import.meta.url);
const REQUEST = { userId: 'u-1', kind: 'usage', month: '2024-06' };

describe('the same report job on BullMQ', () => {
  it('runs our idempotent handler; adding a job id twice makes one job', async () => {
    const sink = reportSink(`${PREFIX}a:`);
    const bull = createBullmqReports({
      redis,
      prefix: `${PREFIX}bull-a`,
      handler: createReportHandler(redis, sink),
    });
    try {
      const completed = once(bull.worker, 'completed') as Promise<[Job, unknown]>;
      const id = await bull.enqueue(REQUEST, { jobId: 'report-u-1-2024-06' });
      const again = await bull.enqueue(REQUEST, { jobId: 'report-u-1-2024-06' });
      expect(again).toBe(id);
      const [job, result] = await completed;
      expect(job.id).toBe('report-u-1-2024-06');
      expect(result).toEqual({ published: true });
      expect(await redis.hlen(sink.reports)).toBe(1);
      expect(await redis.hget(sink.deliveries, id)).toBe('1');
    } finally {
      await bull.close();
    }
  });

  it('retries a failing job with backoff, then keeps it in its failed set', async () => {
    const attempts: number[] = [];
    const bull = createBullmqReports({
      redis,
      prefix: `${PREFIX}bull-b`,
      maxAttempts: 3,
      backoffMs: 1,
      handler: async (job) => {
        attempts.push(job.attempt);
        throw new Error(`attempt ${job.attempt} failed`);
      },
    });
    try {
      const failures: number[] = [];
      const done = new Promise<void>((resolve) => {
        bull.worker.on('failed', (job) => {
          failures.push(job?.attemptsMade ?? -1);
          if (failures.length === 3) resolve();
        });
      });
      const id = await bull.enqueue(REQUEST);
      await done;
      expect(attempts).toEqual([1, 2, 3]);
      expect(failures).toEqual([1, 2, 3]);
      expect(await bull.queue.getJobState(id)).toBe('failed');
      expect((await bull.queue.getJob(id))?.failedReason).toBe('attempt 3 failed');
    } finally {
      await bull.close();
    }
  });
  it('sets our defaults on the queue: 3 attempts, exponential backoff from 1 s, completed jobs removed', async () => {
    const bull = createBullmqReports({ redis, prefix: `${PREFIX}bull-c`, handler: async () => null });
    try {
      expect(bull.queue.defaultJobOptions).toEqual({
        attempts: 3,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: true,
        removeOnFail: false,
      });
      expect(bull.worker.opts.lockDuration).toBe(30_000);
      expect(bull.worker.opts.concurrency).toBe(1);
    } finally {
      await bull.close();
    }
    const custom = createBullmqReports({
      redis,
      prefix: `${PREFIX}bull-d`,
      handler: async () => null,
      maxAttempts: 5,
      backoffMs: 7,
      lockDurationMs: 4_000,
      concurrency: 2,
    });
    try {
      expect(custom.queue.defaultJobOptions).toMatchObject({
        attempts: 5,
        backoff: { type: 'exponential', delay: 7 },
      });
      expect(custom.worker.opts.lockDuration).toBe(4_000);
      expect(custom.worker.opts.concurrency).toBe(2);
    } finally {
      await custom.close();
    }
  });

  it('adds a "report" job, delayed when asked, and close() stops the worker', async () => {
    const bull = createBullmqReports({ redis, prefix: `${PREFIX}bull-e`, handler: async () => null });
    await bull.worker.waitUntilReady();
    const later = await bull.enqueue(REQUEST, { delayMs: 60_000 });
    const job = await bull.queue.getJob(later);
    expect(job?.name).toBe('report');
    expect(job?.data).toEqual(REQUEST);
    expect(job?.opts.delay).toBe(60_000);
    expect(await bull.queue.getJobState(later)).toBe('delayed');
    expect(bull.worker.isRunning()).toBe(true);
    await bull.close();
    expect(bull.worker.isRunning()).toBe(false);
  });
});
