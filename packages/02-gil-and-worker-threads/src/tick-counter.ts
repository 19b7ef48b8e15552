/** What `countTicksDuring` saw. */
export interface TickCount<T> {
  result: T;
  /** Timer callbacks that ran between the start and the end of `work`. */
  ticks: number;
}

/**
 * Starts a repeating timer, runs `work`, and counts the timer callbacks that ran before `work` finished.
 * A synchronous `work` always gets 0: JavaScript runs each callback to completion on one thread, so no
 * timer can fire until it returns. Awaiting work done elsewhere (a worker, the libuv pool) lets them run.
 */
export async function countTicksDuring<T>(work: () => T | Promise<T>, intervalMs = 2): Promise<TickCount<T>> {
  if (!(intervalMs >= 1)) throw new RangeError(`intervalMs must be at least 1, got ${intervalMs}`);
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
  }, intervalMs);
  try {
    const result = await work();
    // Read before the timer is cleared but after `work` ended: ticks owed to the stall are not counted.
    return { result, ticks };
  } finally {
    clearInterval(timer);
  }
}
