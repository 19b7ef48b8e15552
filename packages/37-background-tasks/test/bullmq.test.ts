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
});
