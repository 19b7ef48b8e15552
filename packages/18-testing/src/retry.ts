/** How `retry` waits between attempts: attempt n (1-based) waits `baseDelayMs × 2^(n-1)`. */
export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  /** Called before each wait, with the failed attempt's number and the error; for logs and for tests. */
  onRetry?: (attempt: number, error: unknown) => void;
}

/**
 * Calls `operation` until it succeeds or `attempts` calls have failed, waiting with exponential backoff on
 * `setTimeout`. Real waits make real tests slow; fake timers (`vi.useFakeTimers`) run them instantly.
 */
export async function retry<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { attempts, baseDelayMs, onRetry } = options;
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new RangeError('attempts must be a positive integer');
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts) throw error;
      onRetry?.(attempt, error);
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}
