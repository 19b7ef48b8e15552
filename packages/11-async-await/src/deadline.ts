/** The rejection of `withDeadline` when time ran out (the same name `AbortSignal.timeout` uses). */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

export interface DeadlineOptions {
  timeoutMs: number;
  /** The caller's own cancellation (a client that went away, a shutdown); its reason is the rejection. */
  signal?: AbortSignal;
}

/**
 * Runs `work` with a deadline, like `asyncio.wait_for` / `asyncio.timeout`. `work` receives a signal to
 * pass on (to `fetch`, a query, a stream): that is what really stops the work. The race below only stops
 * the waiting; work that ignores the signal keeps running after the caller has moved on.
 * Uses the global `setTimeout`, so fake timers drive it in tests.
 */
export async function withDeadline<T>(
  work: (signal: AbortSignal) => Promise<T>,
  { timeoutMs, signal }: DeadlineOptions,
): Promise<T> {
  signal?.throwIfAborted();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutError(timeoutMs)), timeoutMs);
  const forward = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(controller.signal.reason);
    controller.signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work(controller.signal), aborted]);
  } finally {
    // Without this the timer keeps the process alive and fires later for nothing.
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
    controller.signal.removeEventListener('abort', onAbort);
  }
}
