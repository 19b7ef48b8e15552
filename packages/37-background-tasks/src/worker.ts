import type { Redis } from 'ioredis';
import type { ReservedJob } from './job.ts';
import { describeError, type RedisQueue } from './queue.ts';

/** What a handler gets besides the job: a signal that aborts when the lease is lost. */
export interface HandlerContext {
  signal: AbortSignal;
}
export type JobHandler = (job: ReservedJob, context: HandlerContext) => Promise<unknown>;

export type WorkerEvent =
  | { type: 'completed'; id: string; attempt: number }
  | { type: 'retry'; id: string; attempt: number; delayMs: number; error: string }
  | { type: 'dead'; id: string; attempt: number; error: string }
  /** The lease expired while the handler ran: the ack or failure was refused, someone else owns the job. */
  | { type: 'lease-lost'; id: string; attempt: number }
  /** Redis refused or dropped a command; the worker waits `pollMs` and tries again. */
  | { type: 'error'; error: string };

export interface WorkerOptions {
  /** Jobs run at once by this worker. Default 1. */
  concurrency?: number;
  /** The longest an idle worker blocks before it looks for due delayed jobs and expired leases. Default 1 s. */
  pollMs?: number;
  /** How often a running job's lease is extended. Default a third of the visibility timeout. */
  heartbeatMs?: number;
  onEvent?: (event: WorkerEvent) => void;
}

/**
 * Runs a queue's jobs: reserve, handle, ack (or fail), with a heartbeat that keeps the lease of a long job.
 * `stop()` is the graceful stop a SIGTERM handler calls: no new job is taken, the jobs running now finish
 * and are acked, then it resolves.
 */
export class QueueWorker {
  readonly #queue: RedisQueue;
  readonly #handler: JobHandler;
  readonly #concurrency: number;
  readonly #pollMs: number;
  readonly #heartbeatMs: number;
  readonly #onEvent: (event: WorkerEvent) => void;
  #blocking: Redis | undefined;
  #waiting: Promise<unknown> | undefined;
  #loops: Promise<void>[] = [];
  #stopping = false;
  #running = 0;
  #handled = 0;

  constructor(queue: RedisQueue, handler: JobHandler, options: WorkerOptions = {}) {
    const { concurrency = 1, pollMs = 1_000 } = options;
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new RangeError(`concurrency is a positive integer, got ${concurrency}`);
    this.#queue = queue;
    this.#handler = handler;
    this.#concurrency = concurrency;
    this.#pollMs = pollMs;
    this.#heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(queue.visibilityTimeoutMs / 3));
    this.#onEvent = options.onEvent ?? (() => {});
  }

  /** Jobs in the handler right now. */
  get running(): number {
    return this.#running;
  }
  /** Jobs this worker has finished (acked, retried or buried). */
  get handled(): number {
    return this.#handled;
  }
  get stopping(): boolean {
    return this.#stopping;
  }

  start(): this {
    if (this.#loops.length > 0) throw new Error('this worker is already started');
    // A blocking BLMOVE holds its connection, so waiting gets one of its own.
    this.#blocking = this.#queue.redis.duplicate();
    this.#blocking.on('error', () => {});
    this.#loops = Array.from({ length: this.#concurrency }, () => this.#loop());
    return this;
  }

  /** Takes no new job, lets the running ones finish and ack, closes the waiting connection. */
  async stop(): Promise<void> {
    this.#stopping = true;
    // Cuts a BLMOVE in progress: idle loops wake at once instead of after pollMs.
    this.#blocking?.disconnect();
    await Promise.all(this.#loops);
  }

  async #loop(): Promise<void> {
    while (!this.#stopping) {
      try {
        const job = await this.#queue.reserve();
        if (job) await this.#run(job);
        else await this.#idle();
      } catch (error) {
        if (this.#stopping) break;
        this.#onEvent({ type: 'error', error: describeError(error) });
        await new Promise((resolve) => setTimeout(resolve, this.#pollMs));
      }
    }
  }

  /** One BLMOVE for all idle loops of this worker (the connection serves one blocking call at a time). */
  async #idle(): Promise<void> {
    const blocking = this.#blocking;
    if (!blocking) return;
    this.#waiting ??= this.#queue.waitForWork(blocking, this.#pollMs).finally(() => {
      this.#waiting = undefined;
    });
    await this.#waiting;
  }

  async #run(job: ReservedJob): Promise<void> {
    this.#running++;
    const lease = new AbortController();
    const heartbeat = setInterval(() => {
      this.#queue.heartbeat(job).then(
        (held) => {
          if (!held) lease.abort(new Error('lease lost'));
        },
        () => {},
      );
    }, this.#heartbeatMs);
    heartbeat.unref();
    try {
      let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: await this.#handler(job, { signal: lease.signal }) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      clearInterval(heartbeat);
      await this.#settle(job, outcome);
    } finally {
      clearInterval(heartbeat);
      this.#running--;
      this.#handled++;
    }
  }

  async #settle(
    job: ReservedJob,
    outcome: { ok: true; value: unknown } | { ok: false; error: unknown },
  ): Promise<void> {
    const { id, attempt } = job;
    if (outcome.ok) {
      const acked = await this.#queue.complete(job, outcome.value);
      this.#onEvent(acked ? { type: 'completed', id, attempt } : { type: 'lease-lost', id, attempt });
      return;
    }
    const error = describeError(outcome.error);
    const failed = await this.#queue.fail(job, outcome.error);
    if (failed.outcome === 'retry')
      this.#onEvent({ type: 'retry', id, attempt, delayMs: failed.delayMs, error });
    else if (failed.outcome === 'dead') this.#onEvent({ type: 'dead', id, attempt, error });
    else this.#onEvent({ type: 'lease-lost', id, attempt });
  }
}
