/** What the worker tests share: the events a `QueueWorker` reports, and a worker held inside its first job. */
import { deferred } from '@lab/common/sync';
import type { RedisQueue } from '../src/queue.ts';
import { QueueWorker, type WorkerEvent, type WorkerOptions } from '../src/worker.ts';

/** Collects events; `when(until)` resolves once the events so far satisfy `until`. */
export function eventLog() {
  const events: WorkerEvent[] = [];
  const waiters: Array<{ until: (e: WorkerEvent[]) => boolean; done: () => void }> = [];
  const onEvent = (event: WorkerEvent) => {
    events.push(event);
    for (const w of [...waiters]) if (w.until(events)) w.done();
  };
  const when = (until: (e: WorkerEvent[]) => boolean) =>
    until(events) ? Promise.resolve() : new Promise<void>((done) => waiters.push({ until, done }));
  return { events, onEvent, when };
}

/**
 * A worker whose handler stops at its first job: `started` resolves when the handler is entered, and the
 * handler returns only once `release` is resolved. Not started: the test calls `worker.start()`.
 */
export function heldWorker(queue: RedisQueue, options: Omit<WorkerOptions, 'onEvent'>) {
  const started = deferred();
  const release = deferred();
  const log = eventLog();
  const worker = new QueueWorker(
    queue,
    async () => {
      started.resolve();
      await release.promise;
    },
    { ...options, onEvent: log.onEvent },
  );
  return { worker, started, release, log };
}
