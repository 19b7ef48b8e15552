// Stryker disable all: runs only in the child process forkWorker starts, where Stryker records no coverage and so runs no test against its mutants; its behaviour is asserted through test/worker-process.test.ts (SIGKILL mid-job leaves the job to run again after its lease; SIGTERM finishes and acks the job in hand, takes no new one and exits 0; a second signal exits 130)
/**
 * A report worker as its own process: `node --import tsx src/worker-main.ts` with REDIS_URL and
 * QUEUE_PREFIX set (see WorkerProcessSettings). SIGTERM stops it gracefully: the job in hand finishes and
 * is acked, no new one is taken, exit 0. A second SIGTERM or SIGINT exits at once with 130: the job's lease
 * then expires and another worker runs it again.
 */
import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { ReservedJob } from './job.ts';
import { RedisQueue } from './queue.ts';
import { createReportHandler, reportSink } from './report.ts';
import { QueueWorker } from './worker.ts';
import { type FromWorker, settingsFromEnv, type ToWorker } from './worker-protocol.ts';

const settings = settingsFromEnv(process.env);
const tell = (message: FromWorker) => process.send?.(message);

/** Holds the handler until the parent sends `release` (the test's latch). */
async function holdHere(job: ReservedJob, published: boolean | null): Promise<void> {
  tell({ type: 'holding', id: job.id, attempt: job.attempt, published });
  while (true) {
    const [message] = (await once(process, 'message')) as [ToWorker];
    if (message.type === 'release') return;
  }
}

const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 2 });
const queue = new RedisQueue({
  redis,
  prefix: settings.prefix,
  visibilityTimeoutMs: settings.visibilityTimeoutMs,
});
const publish = createReportHandler(redis, reportSink(settings.prefix), {
  ...(settings.hold === 'before-publish' ? { beforePublish: (job: ReservedJob) => holdHere(job, null) } : {}),
});
const worker = new QueueWorker(
  queue,
  async (job) => {
    const result = await publish(job);
    if (settings.hold === 'after-publish') await holdHere(job, result.published);
    return result;
  },
  { concurrency: settings.concurrency, onEvent: (event) => tell({ type: 'event', event }) },
).start();

let signals = 0;
const onSignal = async () => {
  signals++;
  if (signals > 1) process.exit(130);
  tell({ type: 'stopping', running: worker.running });
  await worker.stop();
  await redis.quit();
  // The IPC channel would keep the process alive; with it closed, nothing is left and Node exits 0.
  process.disconnect?.();
};
process.on('SIGTERM', onSignal);
process.on('SIGINT', onSignal);
tell({ type: 'ready', pid: process.pid });
