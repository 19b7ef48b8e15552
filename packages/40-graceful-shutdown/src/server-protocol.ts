/** What the demo server process and its parent say over IPC (tests and the demo synchronise on it). */
import type { LifecycleEvent, ShutdownReport } from './lifecycle.ts';

export type FromServer =
  | { type: 'ready'; port: number; pid: number }
  /** A held request (`/slow/:id`) or held background work (`/work/:id`) has started. */
  | { type: 'started'; id: string }
  | { type: 'lifecycle'; event: LifecycleEvent }
  | { type: 'report'; report: ShutdownReport }
  | { type: 'exiting'; code: number };

export type ToServer =
  /** Lets the held request or work `id` finish. */
  | { type: 'release'; id: string }
  /** Ends the wait between readiness 503 and closing the listener (holdBeforeClose). */
  | { type: 'proceed' };

export interface ServerSettings {
  graceMs: number;
  /** Wait for a `proceed` message between readiness 503 and closing the listener. */
  holdBeforeClose: boolean;
  databaseUrl?: string;
  redisUrl?: string;
}

export function serverSettingsFromEnv(env: NodeJS.ProcessEnv): ServerSettings {
  const graceMs = Number(env.SHUTDOWN_GRACE_MS ?? 10_000);
  if (!(graceMs > 0))
    throw new Error(`SHUTDOWN_GRACE_MS must be a positive number, got ${env.SHUTDOWN_GRACE_MS}`);
  return {
    graceMs,
    holdBeforeClose: env.HOLD_BEFORE_CLOSE === '1',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
  };
}
