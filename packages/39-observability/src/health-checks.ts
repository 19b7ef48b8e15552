/**
 * Dependency checks for readiness: each one bounded by its own timeout and run in parallel, so one hung
 * dependency costs the probe one timeout, not the sum of all of them.
 */
import type pg from 'pg';

export interface HealthCheck {
  /** A short name, used as the key in the readiness body (`postgres`, `redis`). */
  name: string;
  /** Resolves when the dependency answers; rejects (or never settles) when it does not. */
  run(): Promise<void>;
  /** Per-check bound; the runner's default applies otherwise. */
  timeoutMs?: number;
}

export type CheckStatus = 'ok' | 'failed' | 'timeout';

export interface CheckResult {
  status: CheckStatus;
  /** Why it failed, for the 503 body and the logs: a message, never a stack. */
  error?: string;
}

export interface HealthReport {
  ok: boolean;
  checks: Record<string, CheckResult>;
}

class CheckTimeout extends Error {}

/** Settles with `work`, or rejects with CheckTimeout after `ms`; the timer never outlives the race. */
function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) || 'failed';

/** Runs every check at once; a check that throws synchronously counts as failed, not as a crash. */
export async function runChecks(
  checks: readonly HealthCheck[],
  { defaultTimeoutMs = 1000 }: { defaultTimeoutMs?: number } = {},
): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async (check): Promise<[string, CheckResult]> => {
      try {
        await withTimeout(
          Promise.resolve().then(() => check.run()),
          check.timeoutMs ?? defaultTimeoutMs,
        );
        return [check.name, { status: 'ok' }];
      } catch (error) {
        const status: CheckStatus = error instanceof CheckTimeout ? 'timeout' : 'failed';
        return [check.name, { status, error: firstLine(error) }];
      }
    }),
  );
  return { ok: results.every(([, r]) => r.status === 'ok'), checks: Object.fromEntries(results) };
}

/** `SELECT 1` through the pool: proves a connection can be had and the server answers. */
export function postgresCheck(pool: pg.Pool, timeoutMs?: number): HealthCheck {
  return {
    name: 'postgres',
    timeoutMs,
    run: async () => {
      const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one');
      if (rows[0]?.one !== 1) throw new Error('SELECT 1 did not answer 1');
    },
  };
}

/** The part of an ioredis client a check needs. */
export interface PingableRedis {
  status: string;
  ping(): Promise<string>;
}

/**
 * `PING`, but only on a connected client: with ioredis's offline queue a command sent while disconnected
 * waits for the reconnect, so the probe would report a timeout instead of the plain truth.
 */
export function redisCheck(client: PingableRedis, timeoutMs?: number): HealthCheck {
  return {
    name: 'redis',
    timeoutMs,
    run: async () => {
      if (client.status !== 'ready') throw new Error(`connection is ${client.status}`);
      const answer = await client.ping();
      if (answer !== 'PONG') throw new Error(`PING answered ${answer}`);
    },
  };
}
