import type { Redis } from 'ioredis';
import { createBullmqReports } from './bullmq-reports.ts';
import { RedisQueue } from './queue.ts';
import { QueueWorker } from './worker.ts';

export interface ThroughputRun {
  redis: Redis;
  /** Keys of this run; the caller deletes them afterwards. */
  prefix: string;
  jobs: number;
  /** Jobs in flight per worker, the same for both queues. */
  concurrency: number;
}

/**
 * Milliseconds from the first enqueue to the last ack of `jobs` jobs on our queue, the worker already
 * running (warm) in this process. The handler does nothing, so what is timed is the queue's own cost:
 * enqueue, reserve, ack, and the wake-up of an idle worker.
 */
export async function timeOurs(run: ThroughputRun): Promise<number> {
  const queue = new RedisQueue({ redis: run.redis, prefix: run.prefix });
  let done = 0;
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const worker = new QueueWorker(queue, async () => null, {
    concurrency: run.concurrency,
    onEvent: (event) => {
      if (event.type === 'completed' && ++done === run.jobs) finished();
    },
  }).start();
  try {
    const start = performance.now();
    await Promise.all(Array.from({ length: run.jobs }, (_, i) => queue.enqueue({ i })));
    await allDone;
    return performance.now() - start;
  } finally {
    await worker.stop();
  }
}

/** The same measurement on BullMQ: same Redis, same concurrency, a handler that does nothing. */
export async function timeBullmq(run: ThroughputRun): Promise<number> {
  const bull = createBullmqReports({
    redis: run.redis,
    prefix: run.prefix.replace(/:$/, ''),
    concurrency: run.concurrency,
    handler: async () => null,
  });
  await bull.worker.waitUntilReady();
  let done = 0;
  const allDone = new Promise<void>((resolve) => {
    bull.worker.on('completed', () => {
      if (++done === run.jobs) resolve();
    });
  });
  try {
    const start = performance.now();
    await Promise.all(Array.from({ length: run.jobs }, (_, i) => bull.enqueue({ i })));
    await allDone;
    return performance.now() - start;
  } finally {
    await bull.close();
  }
}
