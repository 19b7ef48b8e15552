import { EventEmitter } from 'node:events';
import type pg from 'pg';
import type { RequestContext } from './request-context.ts';

/** One hop of a request's work: the id it ran for, and the id the context said inside the callback. */
export interface Hop {
  hop: string;
  expected: string;
  seen: string | undefined;
}

const settle = (hop: string, expected: string, seen: string | undefined): Hop => ({ hop, expected, seen });

/**
 * The hops AsyncLocalStorage follows by itself: await, timers, setImmediate, nextTick, microtasks, a
 * promise chain, and an EventEmitter emitted while the request runs (listeners run inside `emit`, so they
 * see whoever called `emit`).
 */
export function asyncHops(context: RequestContext, requestId = 'req-hops'): Promise<Hop[]> {
  const id = () => context.requestId();
  return context.run({ requestId }, async () => {
    const hops: Hop[] = [];
    await Promise.resolve();
    hops.push(settle('after await', requestId, id()));
    hops.push(await new Promise<Hop>((ok) => setTimeout(() => ok(settle('setTimeout', requestId, id())), 1)));
    hops.push(
      await new Promise<Hop>((ok) => setImmediate(() => ok(settle('setImmediate', requestId, id())))),
    );
    hops.push(
      await new Promise<Hop>((ok) => process.nextTick(() => ok(settle('nextTick', requestId, id())))),
    );
    hops.push(
      await new Promise<Hop>((ok) => queueMicrotask(() => ok(settle('queueMicrotask', requestId, id())))),
    );
    hops.push(
      await Promise.resolve(1)
        .then((n) => n + 1)
        .then(() => settle('promise .then chain', requestId, id())),
    );
    const emitter = new EventEmitter();
    emitter.once('ping', () => hops.push(settle('EventEmitter emitted in the request', requestId, id())));
    await new Promise<void>((ok) => setTimeout(ok, 1));
    emitter.emit('ping');
    return hops;
  });
}

/**
 * A shared worker that runs jobs on its own ticker, started by whichever request submits first — so its
 * callbacks run in THAT request's context. A listener another request registers with `on` is then called
 * with the first request's id: the context is not lost, it is wrong, which is worse.
 */
export class SharedWorker extends EventEmitter {
  #queue: string[] = [];
  #ticker: NodeJS.Timeout | undefined;

  submit(job: string): void {
    this.#queue.push(job);
    this.#ticker ??= setInterval(() => {
      for (const next of this.#queue.splice(0)) this.emit('done', next);
    }, 1);
  }

  stop(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }
}

/** Which id a `done` listener sees, registered plainly and bound with `context.bind`, for two requests. */
export async function sharedWorkerHops(context: RequestContext): Promise<Hop[]> {
  const worker = new SharedWorker();
  const hops: Hop[] = [];
  const waitFor = (requestId: string, bind: boolean) =>
    context.run({ requestId }, () => {
      const done = new Promise<void>((ok) => {
        const listener = (job: string) => {
          if (job !== requestId) return;
          hops.push(
            settle(`worker listener${bind ? ', bound' : ''} (${requestId})`, requestId, context.requestId()),
          );
          worker.off('done', wrapped);
          ok();
        };
        const wrapped = bind ? context.bind(listener) : listener;
        worker.on('done', wrapped);
      });
      worker.submit(requestId);
      return done;
    });
  try {
    // req-A starts the ticker; req-B's and req-C's listeners are called from it.
    await waitFor('req-A', false);
    await waitFor('req-B', false);
    await waitFor('req-C', true);
  } finally {
    worker.stop();
  }
  return hops;
}

/**
 * node-postgres's callback API: the callback runs from the socket's data handler, in the context of the
 * request that OPENED the pooled connection — not the one that queried. The promise API is safe (the
 * `await` resumes in the caller's own context), and so is a callback bound with `context.bind`.
 * `pool` must be fresh (no open connection) with `max: 1`, so req-A opens the one connection.
 */
export async function pgCallbackHops(pool: pg.Pool, context: RequestContext): Promise<Hop[]> {
  if (pool.totalCount > 0) throw new Error('pgCallbackHops needs a pool that has not connected yet');
  const hops: Hop[] = [];
  await context.run({ requestId: 'req-A' }, () => pool.query('SELECT 1'));
  const viaCallback = (requestId: string, bind: boolean) =>
    context.run({ requestId }, () => {
      return new Promise<void>((ok, fail) => {
        const callback = (error: Error | undefined) => {
          if (error) return fail(error);
          hops.push(settle(`pool.query callback${bind ? ', bound' : ''}`, requestId, context.requestId()));
          ok();
        };
        pool.query('SELECT 1', bind ? context.bind(callback) : callback);
      });
    });
  await viaCallback('req-B', false);
  await viaCallback('req-C', true);
  await context.run({ requestId: 'req-D' }, async () => {
    await pool.query('SELECT 1');
    hops.push(settle('await pool.query', 'req-D', context.requestId()));
  });
  return hops;
}
