import { perReceiver } from './_per-receiver.ts';
import { expectMethod, keepIdentity, memberName } from './keep-identity.ts';

/** Thrown (or, from an async function, rejected with) when a call exceeds its rate limit. */
export class RateLimitError extends Error {
  override readonly name = 'RateLimitError';
  constructor(
    /** The limited function. */
    readonly target: string,
    /** When the oldest call in the window expires, so the caller can wait exactly that long. */
    readonly retryAfterMs: number,
  ) {
    super(`${target}: rate limit exceeded, retry in ${Math.ceil(retryAfterMs)} ms`);
  }
}

export interface RateLimitOptions {
  /** Calls allowed in any window of `windowMs`. */
  limit: number;
  windowMs: number;
  /** Monotonic milliseconds, injected for tests; `performance.now` by default. */
  now?: () => number;
  /**
   * `'instance'` (default): each object gets its own budget. `'shared'`: one budget for every caller, the
   * shape of an upstream API quota. Either way it is per process: several replicas need Redis (topic 33).
   */
  scope?: 'instance' | 'shared';
}

const isAsyncFunction = (fn: unknown): boolean =>
  Object.prototype.toString.call(fn) === '[object AsyncFunction]';

/**
 * Wraps a function so at most `limit` calls start within any `windowMs` (a sliding log of call times, so
 * no burst at a window boundary). A call over the limit is refused with `RateLimitError` and the function
 * is not called. For an async function the error comes as a rejected promise, as its callers expect.
 */
export function withRateLimit<This, Args extends unknown[], R>(
  fn: (this: This, ...args: Args) => R,
  options: RateLimitOptions,
  name = fn.name,
): (this: This, ...args: Args) => R {
  const { limit, windowMs } = options;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`rateLimit(${name}): limit must be an integer >= 1, got ${String(limit)}`);
  if (!(windowMs > 0))
    throw new RangeError(`rateLimit(${name}): windowMs must be > 0, got ${String(windowMs)}`);
  const now = options.now ?? (() => performance.now());
  const logOf = perReceiver<number[]>(() => []);
  const sharedLog: number[] = [];
  const rejectAsync = isAsyncFunction(fn);

  function limited(this: This, ...args: Args): R {
    const calls = options.scope === 'shared' ? sharedLog : logOf(this);
    const at = now();
    while (calls.length > 0 && (calls[0] ?? 0) <= at - windowMs) calls.shift();
    if (calls.length >= limit) {
      const error = new RateLimitError(name, (calls[0] ?? at) + windowMs - at);
      if (rejectAsync) return Promise.reject(error) as R;
      throw error;
    }
    calls.push(at);
    return fn.apply(this, args);
  }
  return keepIdentity(limited, fn, name);
}

/** Method decorator factory: `@rateLimit({ limit: 10, windowMs: 60_000 })`. */
export function rateLimit(options: RateLimitOptions) {
  return <This, Args extends unknown[], R>(
    method: (this: This, ...args: Args) => R,
    context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => R>,
  ): ((this: This, ...args: Args) => R) => {
    expectMethod('rateLimit', context);
    return withRateLimit(method, options, memberName(context));
  };
}
