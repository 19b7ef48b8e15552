/** How long a failed job waits before its next attempt. */
export interface BackoffOptions {
  /** The ceiling of the first retry's delay. Default 1,000 ms. */
  baseMs?: number;
  /** No retry waits longer than this. Default 60,000 ms. */
  maxMs?: number;
  /** A number in [0, 1): injected so tests and demos get exact delays. Default `Math.random`. */
  random?: () => number;
}

/**
 * Exponential backoff with full jitter: a delay drawn uniformly from [0, min(max, base · 2^(attempt-1))).
 * The exponent spaces the retries out while a dependency recovers; the jitter spreads the jobs that failed
 * together (the same outage) so they do not all come back in the same millisecond.
 * `attempt` is the attempt that just failed, counted from 1.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt counts from 1, got ${attempt}`);
  const { baseMs = 1_000, maxMs = 60_000, random = Math.random } = options;
  // 2 ** 1100 is Infinity, and Math.min(max, Infinity) is max: a huge attempt number cannot overflow.
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
