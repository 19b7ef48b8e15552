/** What a test waits on: the events a `QueueWorker` reports through its `onEvent` option. */
import type { WorkerEvent } from '../src/worker.ts';

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
