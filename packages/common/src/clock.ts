/**
 * Time, injected. Anything that waits, expires or counts per window takes a `Clock`, so tests and demos can
 * drive time by hand instead of sleeping (and never assert on elapsed wall-clock time).
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

/**
 * The same interface on epoch milliseconds (`Date.now()`), for what must agree with other machines: JWT
 * `exp`/`iat`, HTTP dates, TTLs stored in Redis. It can jump (NTP), so never time an interval with it. In
 * tests, `manualClock(Date.UTC(2026, 0, 1))` is an epoch clock that moves only when told to.
 */
export const wallClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock that moves only when told to. */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms` (never backwards). */
  advance(ms: number): void;
  /** Jumps to an absolute time, for replaying a recorded trace; it may not go backwards either. */
  set(ms: number): void;
  /** Every delay `sleep` was asked for, in order. */
  readonly sleeps: readonly number[];
}

/**
 * A clock for tests and demos: `sleep(ms)` records the delay, moves time forward by it and resolves at once,
 * so ten seconds of backoff run in microseconds and the delays can be asserted exactly.
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
    set: (ms) => advance(ms - time),
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
      advance(ms);
    },
  };
}
