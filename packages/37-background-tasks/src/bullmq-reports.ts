import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ReservedJob } from './job.ts';
import type { EnqueueOptions } from './queue.ts';

export interface BullmqReportsOptions {
  /** A connection to copy: BullMQ opens its own (a blocking one for the worker) from it. */
  redis: Redis;
  /** BullMQ's key prefix; its keys are `<prefix>:<queue name>:…`. */
  prefix: string;
  name?: string;
  /** The same handler our worker runs, adapted to BullMQ's job. */
  handler: (job: ReservedJob) => Promise<unknown>;
  concurrency?: number;
  maxAttempts?: number;
  /** BullMQ's exponential backoff base (it adds no jitter unless asked). Default 1,000 ms. */
  backoffMs?: number;
  /** BullMQ's lease: a job whose lock is not renewed in this long is "stalled" and run again. Default 30 s. */
  lockDurationMs?: number;
}

export interface BullmqReports {
  queue: Queue;
  worker: Worker;
  enqueue(payload: unknown, options?: Pick<EnqueueOptions, 'jobId' | 'delayMs'>): Promise<string>;
  close(): Promise<void>;
}

/**
 * The same report job on BullMQ, what a team would run in production: the mechanics of `RedisQueue` (an
 * atomic move to active, a lock with a deadline that a stalled-job checker reclaims, retries with
 * backoff, failed jobs kept, delayed jobs, job ids that dedupe) plus what ours leaves out: events, progress,
 * rate limits, priorities, repeatable jobs, flows of parent and child jobs, and a dashboard ecosystem.
 */
export function createBullmqReports(options: BullmqReportsOptions): BullmqReports {
  const { prefix, name = 'reports', concurrency = 1, maxAttempts = 3 } = options;
  // BullMQ's worker blocks on its connection and wants commands retried forever: maxRetriesPerRequest null.
  const connection = options.redis.duplicate({ maxRetriesPerRequest: null });
  const queue = new Queue(name, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: maxAttempts,
      backoff: { type: 'exponential', delay: options.backoffMs ?? 1_000 },
      removeOnComplete: true,
      removeOnFail: false,
    },
  });
  const worker = new Worker(
    name,
    (job: Job) =>
      options.handler({
        id: String(job.id),
        payload: job.data,
        attempt: job.attemptsMade + 1,
        maxAttempts,
        deadline: 0,
      }),
    { connection, prefix, concurrency, lockDuration: options.lockDurationMs ?? 30_000 },
  );
  return {
    queue,
    worker,
    async enqueue(payload, jobOptions = {}) {
      const job = await queue.add('report', payload, {
        ...(jobOptions.jobId !== undefined ? { jobId: jobOptions.jobId } : {}),
        ...(jobOptions.delayMs !== undefined ? { delay: jobOptions.delayMs } : {}),
      });
      return String(job.id);
    },
    async close() {
      await worker.close();
      await queue.close();
      connection.disconnect();
    },
  };
}
