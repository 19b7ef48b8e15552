/**
 * What a limiter does when its store is down or slow — decided in advance, logged, never a 500.
 *
 * - `open`: admit. The limiter protects the service; an outage of the limiter should not become an outage
 *   of the service. The usual choice for per-client fairness limits.
 * - `closed`: refuse with 503. For limits that guard something that must not be overrun (a paid upstream
 *   API, an SMS gateway, login attempts), where admitting unchecked traffic costs more than refusing it.
 * - `{ fallback }`: decide with another limiter, typically in-process. Each process then enforces the limit
 *   on its own, so N processes admit up to N × limit: looser, but still bounded.
 *
 * Two details matter in production. A timeout: a store that hangs must not hang every request. And a short
 * "skip the store" period after a failure: while Redis is down, each request should not pay the timeout.
 */
import { type Clock, checkKey, type Decision, type RateLimiter } from './policy.ts';

// The client side of the same story (fail fast per command, reconnect with backoff) is redis-client.ts.
export { LIMITER_CLIENT_OPTIONS } from './redis-client.ts';

export type StoreErrorPolicy = 'open' | 'closed' | { fallback: RateLimiter };

/** A line for the log: one when the store starts failing, one when it answers again. */
export type FailPolicyEvent =
  | { event: 'rate-limit-store-down'; limiter: string; policy: string; error: string }
  | { event: 'rate-limit-store-recovered'; limiter: string; degradedDecisions: number };

export interface FailPolicyOptions {
  onStoreError: StoreErrorPolicy;
  /** Longest wait for the store, in ms. Default 250. */
  timeoutMs?: number;
  /** After a failure, decide without the store for this long (ms), then try it again. Default 1000. */
  retryStoreAfterMs?: number;
  /** Clock for that period; `Date.now` by default. */
  now?: Clock;
  /** Where the two events go; by default one JSON line on stderr. */
  log?: (event: FailPolicyEvent) => void;
}

/** A limiter that never throws, plus counters for a dashboard. */
export interface GuardedRateLimiter extends RateLimiter {
  readonly stats: {
    readonly storeErrors: number;
    readonly degradedDecisions: number;
    readonly storeCalls: number;
  };
}

const defaultLog = (event: FailPolicyEvent): void => {
  process.stderr.write(
    `${JSON.stringify({ level: event.event.endsWith('down') ? 'warn' : 'info', ...event })}\n`,
  );
};

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rate limit store did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const describePolicy = (policy: StoreErrorPolicy): string =>
  typeof policy === 'string'
    ? `fail ${policy}`
    : `fall back to ${policy.fallback.algorithm} (${policy.fallback.store})`;

/** Wraps `limiter` so that a failing or slow store yields the stated policy instead of an error. */
export function withFailPolicy(limiter: RateLimiter, options: FailPolicyOptions): GuardedRateLimiter {
  const timeoutMs = options.timeoutMs ?? 250;
  const retryStoreAfterMs = options.retryStoreAfterMs ?? 1000;
  const now = options.now ?? Date.now;
  const log = options.log ?? defaultLog;
  const policy = options.onStoreError;
  const label = `${limiter.name}/${limiter.algorithm}/${limiter.store}`;
  const stats = { storeErrors: 0, degradedDecisions: 0, storeCalls: 0 };
  let down = false;
  let skipStoreUntil = Number.NEGATIVE_INFINITY;

  const degrade = async (key: string): Promise<Decision> => {
    stats.degradedDecisions++;
    const at = now();
    const { limit } = limiter.policy;
    if (policy === 'open')
      return { allowed: true, limit, remaining: limit, resetMs: 0, retryAfterMs: 0, at, degraded: 'open' };
    if (policy === 'closed')
      return {
        allowed: false,
        limit,
        remaining: 0,
        resetMs: retryStoreAfterMs,
        retryAfterMs: retryStoreAfterMs,
        at,
        degraded: 'closed',
      };
    return { ...(await policy.fallback.consume(key)), degraded: 'fallback' };
  };

  return {
    algorithm: limiter.algorithm,
    store: limiter.store,
    policy: limiter.policy,
    name: limiter.name,
    stats,
    async consume(key) {
      // A key no limiter accepts is the caller's bug, not a store outage: counted as one, it would make
      // every client skip the store for the next retryStoreAfterMs.
      checkKey(key);
      if (now() < skipStoreUntil) return degrade(key);
      try {
        stats.storeCalls++;
        const decision = await withTimeout(limiter.consume(key), timeoutMs);
        if (down) {
          down = false;
          log({
            event: 'rate-limit-store-recovered',
            limiter: label,
            degradedDecisions: stats.degradedDecisions,
          });
        }
        return decision;
      } catch (error) {
        stats.storeErrors++;
        skipStoreUntil = now() + retryStoreAfterMs;
        if (!down) {
          down = true;
          log({
            event: 'rate-limit-store-down',
            limiter: label,
            policy: describePolicy(policy),
            error: error instanceof Error ? error.message : String(error),
          });
        }
        return degrade(key);
      }
    },
  };
}
