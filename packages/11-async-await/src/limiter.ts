/** Runs async tasks with at most `limit` of them in flight; the rest wait in a FIFO queue. */
export interface Limiter {
  <T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly pending: number;
  /** The most tasks that ever ran at once: a limiter's promise, made checkable. */
  readonly maxActive: number;
}

/**
 * A concurrency limiter (what p-limit does, or an `asyncio.Semaphore`). A task's slot is released
 * whether it resolves, rejects or throws synchronously, so one failure never shrinks the pool.
 */
export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be an integer >= 1, got ${String(limit)}`);
  const queue: Array<() => void> = [];
  let active = 0;
  let maxActive = 0;

  const release = () => {
    active--;
    queue.shift()?.();
  };
  const run = async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    // Counted here, after the wait: a released slot goes straight to the next waiter.
    active++;
    maxActive = Math.max(maxActive, active);
    try {
      return await task();
    } finally {
      release();
    }
  };
  return Object.defineProperties(run, {
    active: { get: () => active },
    pending: { get: () => queue.length },
    maxActive: { get: () => maxActive },
  }) as Limiter;
}

/** `Promise.all(items.map(fn))` with at most `limit` calls in flight; results keep the input order. */
export function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const limiter = createLimiter(limit);
  return Promise.all(items.map((item, index) => limiter(() => fn(item, index))));
}
