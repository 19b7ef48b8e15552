/** What every limiter in this package shares: the policy it enforces, the decision it returns, its clock. */

/** The algorithms, by the name the registry, the demo and the bench use. */
export type AlgorithmName =
  | 'fixed-window'
  | 'sliding-log'
  | 'sliding-window-counter'
  | 'token-bucket'
  | 'gcra'
  | 'seed-sliding-log-buggy'
  | 'non-atomic-fixed-window';

/** "`limit` requests per `windowMs`", the same words for every algorithm. */
export interface Policy {
  /** Requests admitted per window: the quota (`q` in RateLimit-Policy). A positive integer. */
  limit: number;
  /** The window in milliseconds (`w` in RateLimit-Policy, rounded up to whole seconds). A positive integer. */
  windowMs: number;
  /**
   * Token bucket and GCRA only: how many requests may arrive at once (the bucket's size). Between 1 and
   * `limit`; defaults to `limit`. `burst: 1` turns GCRA into a strict leaky bucket (evenly spaced requests).
   */
  burst?: number;
}

/** A policy after validation, with `burst` filled in. */
export type CheckedPolicy = Readonly<Required<Policy>>;

/** A clock in milliseconds. Injected so that tests and the demo replay time exactly; `Date.now` otherwise. */
export type Clock = () => number;

/** The answer to "may this request through?", with what the response headers need. */
export interface Decision {
  allowed: boolean;
  /** The policy's quota (`q`, `X-RateLimit-Limit`). */
  limit: number;
  /** Requests the client could still make right now, after this one (`r`, `X-RateLimit-Remaining`). */
  remaining: number;
  /** Milliseconds until more quota becomes available (`t`); 0 when the client's quota is full. */
  resetMs: number;
  /** Milliseconds until a rejected request would be admitted (`Retry-After`); 0 when allowed. */
  retryAfterMs: number;
  /** The clock reading (ms) the decision was taken at: `X-RateLimit-Reset` is an instant, not a delay. */
  at: number;
  /** Set only by `withFailPolicy` when the store could not decide (see fail-policy.ts). */
  degraded?: 'open' | 'closed' | 'fallback';
}

/** One rate limiter: a policy, an algorithm and a store (in-process or Redis). */
export interface RateLimiter {
  readonly algorithm: AlgorithmName;
  readonly store: 'memory' | 'redis';
  readonly policy: CheckedPolicy;
  /** The policy's name in the `RateLimit`/`RateLimit-Policy` headers (e.g. `free`, `pro`, `search`). */
  readonly name: string;
  /** Counts one request for `key` and says whether it may go through. */
  consume(key: string): Promise<Decision>;
}

/** An in-process limiter: the same contract, plus a synchronous `decide` (no I/O, so no await). */
export interface MemoryRateLimiter extends RateLimiter {
  readonly store: 'memory';
  /** Counts one request for `key`; atomic because nothing can run between its read and its write. */
  decide(key: string): Decision;
  /** Keys held (the tests watch expired ones being swept). */
  readonly size: number;
}

/** Options every limiter factory takes. */
export interface LimiterOptions {
  /** The clock; `Date.now` by default. Read once per decision and floored to whole milliseconds. */
  now?: Clock;
  /** Policy name for the headers; `default` by default. Letters, digits, `_`, `-` and `.` only. */
  name?: string;
  /** Redis only: prefix of every key the limiter writes (one per test file, bench run, or app). */
  prefix?: string;
}

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

function positiveInteger(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`rate limit policy: ${what} must be a positive integer, got ${String(value)}`);
  return value;
}

/** Validates a policy once, at construction, so a typo fails at start-up rather than on the first request. */
export function checkPolicy(policy: Policy): CheckedPolicy {
  const limit = positiveInteger(policy.limit, 'limit');
  const windowMs = positiveInteger(policy.windowMs, 'windowMs');
  const burst = positiveInteger(policy.burst ?? limit, 'burst');
  if (burst > limit)
    throw new RangeError(
      `rate limit policy: burst (${burst}) must not exceed limit (${limit}); a bucket larger than the quota would advertise r > q`,
    );
  // The Redis scripts answer with one packed integer (see _redis-script.ts); keep it exact in a double.
  if (limit * (windowMs + 1) > 2 ** 50 || burst * windowMs > 2 ** 50)
    throw new RangeError(`rate limit policy: limit × windowMs is too large (${limit} × ${windowMs})`);
  return Object.freeze({ limit, windowMs, burst });
}

/** Validates a policy name: it is written into a quoted structured-field string. */
export function checkName(name: string | undefined): string {
  const value = name ?? 'default';
  if (!NAME.test(value))
    throw new RangeError(`rate limit policy name must match ${NAME}, got ${JSON.stringify(value)}`);
  return value;
}

/** Validates the key a request is counted under. */
export function checkKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > 512)
    throw new TypeError(`rate limit key must be a non-empty string of at most 512 characters`);
  return key;
}

/** A clock you set by hand (the kit's): the demo and the tests replay traces with it, passing `clock.now`. */
export { type ManualClock, manualClock } from '@lab/common/clock';
