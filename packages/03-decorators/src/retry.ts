import { expectMethod, keepIdentity, memberName } from './keep-identity.ts';

/** How the pause before the next attempt is randomised (see `backoffDelay`). */
export type Jitter = 'full' | 'equal' | 'none';

export interface RetryOptions {
  /** Total attempts, the first one included (at least 1). */
  attempts: number;
  /** Delay after the first failure, before jitter. Default 100 ms. */
  baseDelayMs?: number;
  /** Each further delay is this many times the previous one. Default 2. */
  factor?: number;
  /** No delay exceeds this, before jitter. Default 10 s. */
  maxDelayMs?: number;
  /** Default `'full'`: spreads the retries of many clients so they do not hit a recovering server together. */
  jitter?: Jitter;
  /** Whether this error is worth another attempt (a 400 is not; a timeout is). Default: every error. */
  retryIf?: (error: unknown, attempt: number) => boolean;
  /** Called before each pause: the place for a log line or a metric. */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  /** Injected for tests; a `setTimeout` sleep by default. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests; `Math.random` by default. Must return a number in [0, 1). */
  random?: () => number;
}

type Backoff = Required<Pick<RetryOptions, 'baseDelayMs' | 'factor' | 'maxDelayMs' | 'jitter'>>;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The pause after failed attempt number `failed` (1-based): `min(maxDelayMs, baseDelayMs * factor^(failed-1))`,
 * then jittered. Full jitter picks uniformly in [0, d); equal jitter in [d/2, d); none keeps d.
 */
export function backoffDelay(failed: number, backoff: Backoff, random: () => number = Math.random): number {
  const exponential = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * backoff.factor ** (failed - 1));
  switch (backoff.jitter) {
    case 'none':
      return exponential;
    case 'equal':
      return exponential / 2 + random() * (exponential / 2);
    case 'full':
      return random() * exponential;
  }
}

function settle(
  options: RetryOptions,
): Backoff & Required<Pick<RetryOptions, 'attempts' | 'retryIf' | 'sleep' | 'random'>> {
  const settings = {
    attempts: options.attempts,
    baseDelayMs: options.baseDelayMs ?? 100,
    factor: options.factor ?? 2,
    maxDelayMs: options.maxDelayMs ?? 10_000,
    jitter: options.jitter ?? 'full',
    retryIf: options.retryIf ?? (() => true),
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
  };
  // Checked once, when the decorator is applied, so a bad option fails at start-up, not on the first outage.
  if (!Number.isInteger(settings.attempts) || settings.attempts < 1)
    throw new RangeError(`retry: attempts must be an integer >= 1, got ${String(options.attempts)}`);
  if (!(settings.baseDelayMs >= 0) || !(settings.maxDelayMs >= 0))
    throw new RangeError('retry: baseDelayMs and maxDelayMs must be >= 0');
  if (!(settings.factor >= 1)) throw new RangeError(`retry: factor must be >= 1, got ${settings.factor}`);
  if (!['full', 'equal', 'none'].includes(settings.jitter))
    throw new RangeError(`retry: jitter must be 'full', 'equal' or 'none', got ${String(settings.jitter)}`);
  return settings;
}

/**
 * Wraps an async function so a failure is retried with exponential backoff. After the last attempt the last
 * error is rethrown unchanged (as Python's bare `raise` would), so callers' `instanceof` checks still work.
 * Only async functions: a synchronous retry would have to block the event loop while it waits.
 */
export function withRetry<This, Args extends unknown[], T>(
  fn: (this: This, ...args: Args) => Promise<T>,
  options: RetryOptions,
  name = fn.name,
): (this: This, ...args: Args) => Promise<T> {
  const settings = settle(options);
  async function retrying(this: This, ...args: Args): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn.apply(this, args);
      } catch (error) {
        if (attempt >= settings.attempts || !settings.retryIf(error, attempt)) throw error;
        const delayMs = backoffDelay(attempt, settings, settings.random);
        options.onRetry?.({ attempt, delayMs, error });
        await settings.sleep(delayMs);
      }
    }
  }
  return keepIdentity(retrying, fn, name);
}

/** Method decorator factory for async methods: `@retry({ attempts: 3 })`. */
export function retry(options: RetryOptions) {
  return <This, Args extends unknown[], T>(
    method: (this: This, ...args: Args) => Promise<T>,
    context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => Promise<T>>,
  ): ((this: This, ...args: Args) => Promise<T>) => {
    expectMethod('retry', context);
    return withRetry(method, options, memberName(context));
  };
}
