/** What a worker process and its parent say over the IPC channel (tests, the demo and a supervisor). */
import type { WorkerEvent } from './worker.ts';

export type FromWorker =
  | { type: 'ready'; pid: number }
  /** The handler reached its hold point for this job and waits for `release` (tests only). */
  | { type: 'holding'; id: string; attempt: number; published: boolean | null }
  /** SIGTERM arrived: no new job will be taken. */
  | { type: 'stopping'; running: number }
  | { type: 'event'; event: WorkerEvent };

export type ToWorker = { type: 'release' };

/**
 * The worker process's settings, from its environment: one place, so the process entry stays a few lines
 * and a supervisor (or a test) can see what it can set.
 */
export interface WorkerProcessSettings {
  redisUrl: string;
  prefix: string;
  visibilityTimeoutMs: number;
  concurrency: number;
  /**
   * Where the handler stops and waits for `release` over IPC: before publishing the report, after it (the
   * dangerous gap: effect done, ack not sent), or nowhere. A test kills the process while it waits.
   */
  hold: 'before-publish' | 'after-publish' | 'none';
}

export function settingsFromEnv(env: NodeJS.ProcessEnv): WorkerProcessSettings {
  const hold = env.WORKER_HOLD ?? 'none';
  if (hold !== 'before-publish' && hold !== 'after-publish' && hold !== 'none')
    throw new Error(`WORKER_HOLD is before-publish, after-publish or none, got ${hold}`);
  const redisUrl = env.REDIS_URL;
  const prefix = env.QUEUE_PREFIX;
  if (!redisUrl || !prefix) throw new Error('a worker process needs REDIS_URL and QUEUE_PREFIX');
  return {
    redisUrl,
    prefix,
    visibilityTimeoutMs: Number(env.VISIBILITY_TIMEOUT_MS ?? 30_000),
    concurrency: Number(env.WORKER_CONCURRENCY ?? 1),
    hold,
  };
}
