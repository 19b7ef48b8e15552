import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  COMPLETE_LUA,
  ENQUEUE_LUA,
  FAIL_LUA,
  HEARTBEAT_LUA,
  MAINTAIN_LUA,
  REDRIVE_LUA,
  RESERVE_LUA,
} from './_lua.ts';
import { LuaScript } from './_script.ts';
import { type BackoffOptions, backoffDelay } from './backoff.ts';
import { type JobState, parseJobHash, type ReservedJob } from './job.ts';

export interface QueueOptions {
  redis: Redis;
  /** Every key of this queue starts with it (`reports:`); two queues never share one. */
  prefix: string;
  /** How long a reservation lasts without a heartbeat before the job goes back to the queue. Default 30 s. */
  visibilityTimeoutMs?: number;
  /** Attempts before a job goes to the dead list. Default 3. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /**
   * Epoch milliseconds. Every process that touches the queue compares deadlines written by the others, so
   * this must be a clock they share (wall-clock time), not a per-process monotonic one. Tests inject it.
   */
  now?: () => number;
  /** How long an idempotency key maps to its job. Default 24 h. */
  idempotencyTtlMs?: number;
  /** How long a completed job's hash stays readable (its status and result). Default 24 h. */
  keepCompletedMs?: number;
}

export interface EnqueueOptions {
  /** Your own id (`report:42:2024-05`): adding it again is a no-op that answers `duplicate`. */
  jobId?: string;
  /** The client's `Idempotency-Key`: the same key with the same payload answers the first job's id. */
  idempotencyKey?: string;
  /** Run no earlier than this many ms from now. */
  delayMs?: number;
  maxAttempts?: number;
}

export type EnqueueOutcome = 'created' | 'duplicate' | 'replayed' | 'conflict';
export interface EnqueueResult {
  id: string;
  outcome: EnqueueOutcome;
}

export type FailOutcome =
  | { outcome: 'retry'; delayMs: number }
  | { outcome: 'dead' }
  /** The lease was lost (it expired and the job went back): this holder's failure is not recorded. */
  | { outcome: 'stale' };

export interface MaintenanceResult {
  /** Delayed jobs (and retries) that became due and went to the queue. */
  promoted: number;
  /** Expired leases whose jobs went back to the queue. */
  requeued: number;
  /** Expired leases of jobs out of attempts, moved to the dead list. */
  buried: number;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  dead: number;
}

const scripts = {
  enqueue: new LuaScript(ENQUEUE_LUA),
  reserve: new LuaScript(RESERVE_LUA),
  maintain: new LuaScript(MAINTAIN_LUA),
  heartbeat: new LuaScript(HEARTBEAT_LUA),
  complete: new LuaScript(COMPLETE_LUA),
  fail: new LuaScript(FAIL_LUA),
  redrive: new LuaScript(REDRIVE_LUA),
};

const MAX_ID_LENGTH = 128;

/**
 * A reliable job queue on Redis, written to show the mechanics a library like BullMQ hides: every state
 * change is one Lua script, a reserved job sits in a ZSET scored by its lease deadline (the visibility
 * timeout), expired leases go back to the queue, failures retry with backoff and jitter, and a job out of
 * attempts lands on a dead list. Delivery is at-least-once: a handler must be idempotent.
 */
export class RedisQueue {
  readonly redis: Redis;
  readonly prefix: string;
  readonly visibilityTimeoutMs: number;
  readonly maxAttempts: number;
  readonly now: () => number;
  readonly #backoff: BackoffOptions;
  readonly #idempotencyTtlMs: number;
  readonly #keepCompletedMs: number;
  readonly keys: { ready: string; active: string; delayed: string; dead: string; job: string };

  constructor(options: QueueOptions) {
    const { redis, prefix, visibilityTimeoutMs = 30_000, maxAttempts = 3 } = options;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
      throw new RangeError(`maxAttempts is a positive integer, got ${maxAttempts}`);
    if (!(visibilityTimeoutMs > 0))
      throw new RangeError(`visibilityTimeoutMs must be positive, got ${visibilityTimeoutMs}`);
    this.redis = redis;
    this.prefix = prefix;
    this.visibilityTimeoutMs = visibilityTimeoutMs;
    this.maxAttempts = maxAttempts;
    this.now = options.now ?? Date.now;
    this.#backoff = options.backoff ?? {};
    this.#idempotencyTtlMs = options.idempotencyTtlMs ?? 86_400_000;
    this.#keepCompletedMs = options.keepCompletedMs ?? 86_400_000;
    this.keys = {
      ready: `${prefix}ready`,
      active: `${prefix}active`,
      delayed: `${prefix}delayed`,
      dead: `${prefix}dead`,
      job: `${prefix}job:`,
    };
  }

  #queueKeys(): string[] {
    return [this.keys.ready, this.keys.active, this.keys.delayed, this.keys.dead];
  }

  /** Adds a job. One round trip: the id check, the idempotency key and the push are one script. */
  async enqueue(payload: unknown, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    const id = options.jobId ?? randomUUID();
    if (id.length === 0 || id.length > MAX_ID_LENGTH)
      throw new RangeError(`a job id has 1-${MAX_ID_LENGTH} characters`);
    const maxAttempts = options.maxAttempts ?? this.maxAttempts;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
      throw new RangeError(`maxAttempts is a positive integer, got ${maxAttempts}`);
    const text = JSON.stringify(payload);
    if (text === undefined) throw new TypeError('a job payload must be JSON-serialisable');
    const idemKey =
      options.idempotencyKey === undefined ? '' : `${this.prefix}idem:${options.idempotencyKey}`;
    const reply = (await scripts.enqueue.run(
      this.redis,
      [this.keys.job + id, this.keys.ready, this.keys.delayed, idemKey],
      [
        id,
        text,
        this.now(),
        Math.max(0, options.delayMs ?? 0),
        maxAttempts,
        this.#idempotencyTtlMs,
        this.keys.job,
      ],
    )) as [string, EnqueueOutcome];
    return { id: reply[0], outcome: reply[1] };
  }

  /** Leases the oldest ready job (after promoting due jobs and reaping expired leases), or `undefined`. */
  async reserve(): Promise<ReservedJob | undefined> {
    const reply = (await scripts.reserve.run(this.redis, this.#queueKeys(), [
      this.now(),
      this.visibilityTimeoutMs,
      this.keys.job,
    ])) as [] | [string, string, number, number, number];
    if (reply.length === 0) return undefined;
    const [id, payload, attempt, maxAttempts, deadline] = reply;
    return { id, payload: JSON.parse(payload), attempt, maxAttempts, deadline };
  }

  /**
   * The reaper and the scheduler, without taking a job: due delayed jobs go to the queue, expired leases go
   * back (or to the dead list). `reserve` does the same first; call this where no worker is reserving.
   */
  async maintain(now = this.now()): Promise<MaintenanceResult> {
    const [promoted, requeued, buried] = (await scripts.maintain.run(this.redis, this.#queueKeys(), [
      now,
      0,
      this.keys.job,
    ])) as [number, number, number];
    return { promoted, requeued, buried };
  }

  #leaseKeys(job: ReservedJob): string[] {
    return [this.keys.job + job.id, this.keys.active, this.keys.delayed, this.keys.dead];
  }

  /** Extends the lease by a full visibility timeout; `false` once it is lost (stop working on the job). */
  async heartbeat(job: ReservedJob): Promise<boolean> {
    const deadline = (await scripts.heartbeat.run(this.redis, this.#leaseKeys(job), [
      job.id,
      job.attempt,
      this.now(),
      this.visibilityTimeoutMs,
    ])) as number;
    if (deadline === 0) return false;
    job.deadline = deadline;
    return true;
  }

  /** Acks a job: `false` when the lease was lost meanwhile (another worker may be running it now). */
  async complete(job: ReservedJob, result: unknown = null): Promise<boolean> {
    const reply = await scripts.complete.run(this.redis, this.#leaseKeys(job), [
      job.id,
      job.attempt,
      this.now(),
      JSON.stringify(result) ?? 'null',
      this.#keepCompletedMs,
    ]);
    return reply === 1;
  }

  /** Records a failed attempt: a retry after backoff with jitter, or the dead list once out of attempts. */
  async fail(job: ReservedJob, error: unknown): Promise<FailOutcome> {
    const delayMs = backoffDelay(job.attempt, this.#backoff);
    const reply = await scripts.fail.run(this.redis, this.#leaseKeys(job), [
      job.id,
      job.attempt,
      this.now(),
      describeError(error),
      delayMs,
    ]);
    if (reply === 1) return { outcome: 'retry', delayMs };
    return reply === 2 ? { outcome: 'dead' } : { outcome: 'stale' };
  }

  /** A job's state, or `undefined` for an id that never existed or whose record expired. */
  async get(id: string): Promise<JobState | undefined> {
    return parseJobHash(await this.redis.hgetall(this.keys.job + id));
  }

  async counts(): Promise<QueueCounts> {
    const [waiting, active, delayed, dead] = await Promise.all([
      this.redis.llen(this.keys.ready),
      this.redis.zcard(this.keys.active),
      this.redis.zcard(this.keys.delayed),
      this.redis.llen(this.keys.dead),
    ]);
    return { waiting, active, delayed, dead };
  }

  /** The dead list, newest first. */
  deadJobs(): Promise<string[]> {
    return this.redis.lrange(this.keys.dead, 0, -1);
  }

  /** Puts a dead job back in the queue with fresh attempts; `false` if it is not on the dead list. */
  async redrive(id: string): Promise<boolean> {
    const reply = await scripts.redrive.run(
      this.redis,
      [this.keys.job + id, this.keys.ready, this.keys.dead],
      [id],
    );
    return reply === 1;
  }

  /**
   * Blocks (on `blocking`, a connection of its own: a blocking command holds its connection) until the
   * queue has a job or `timeoutMs` passes. `BLMOVE ready ready RIGHT RIGHT` pops the oldest id and pushes
   * it straight back where it was: it wakes the worker without taking the job, so no id can be lost
   * between waking and reserving. Resolves `true` when there was work.
   */
  async waitForWork(blocking: Redis, timeoutMs: number): Promise<boolean> {
    const seconds = Math.max(0.01, timeoutMs / 1000);
    const id = await blocking.blmove(this.keys.ready, this.keys.ready, 'RIGHT', 'RIGHT', seconds);
    return id !== null;
  }
}

/** The text kept as a job's lastError: a message, never a stack (it is shown to API clients). */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
