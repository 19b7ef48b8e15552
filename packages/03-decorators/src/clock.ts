/**
 * Time, injected. Retry sleeps, memoize expires entries and rate limits count calls per window: all of it
 * depends on the clock, so the decorators take one and tests or the demo pass a clock they control.
 */
export interface Clock {
  /** Monotonic milliseconds. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** The real clock: `performance.now()` (monotonic, unlike `Date.now()`) and a `setTimeout` sleep. */
export const systemClock: Clock = {
  now: () => performance.now(),
  // Looked up at call time, so `vi.useFakeTimers()` controls it.
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock that only moves when told to. */
export interface ManualClock extends Clock {
  /** Moves time forward. */
  advance(ms: number): void;
  /** Every delay `sleep` was asked for, in order. */
  readonly sleeps: readonly number[];
}

/**
 * A clock for tests and demos: `sleep(ms)` records the delay, moves time forward by it and resolves at once,
 * so a retry with ten seconds of backoff runs in microseconds and its delays can be asserted exactly.
 */
export function manualClock(start = 0): ManualClock {
  let time = start;
  const sleeps: number[] = [];
  const advance = (ms: number): void => {
    if (!(ms >= 0)) throw new RangeError(`a clock only moves forward; got ${ms} ms`);
    time += ms;
  };
  return {
    now: () => time,
    advance,
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
      advance(ms);
    },
  };
}
