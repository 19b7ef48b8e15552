import { type Clock, systemClock } from '@lab/common/clock';

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The component interface is one function type; every decorator takes one and returns one. */
export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

/** The concrete component: an adapter from `fetch` to `HttpClient`. */
export const fetchClient: HttpClient = async ({ method, url, headers, body }) => {
  const response = await fetch(url, { method, headers, body });
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
};

export interface RetryOptions {
  /** Total tries, the first included. */
  attempts: number;
  /** Wait before the 2nd try; doubled each time after. */
  baseDelayMs: number;
  /** No wait is longer than this, a server's Retry-After included. */
  maxDelayMs?: number;
  clock?: Clock;
}

/** Retrying a POST that reached the server may place the order twice; these are safe to repeat. */
export const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** Overloaded or restarting upstreams; a 500 is more often a bug that will fail the same way again. */
export const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/**
 * The wait before try `attempt + 1`: the server's Retry-After if it sent one in seconds, else backoff.
 * The HTTP-date form of Retry-After is ignored (backoff applies): comparing it needs a wall clock and
 * trusts the server's clock.
 */
export function retryDelay(attempt: number, options: RetryOptions, retryAfter?: string): number {
  const max = options.maxDelayMs ?? 30_000;
  const seconds =
    retryAfter !== undefined && /^\d{1,6}$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined;
  const wanted = seconds !== undefined ? seconds * 1000 : options.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(wanted, max);
}

/**
 * Decorator: the same `HttpClient` type out as in, with retries around it. The caller cannot tell it is
 * decorated, and decorators stack in any order — the order decides what each one sees (a logger outside
 * the retry logs one call; inside it, every attempt).
 */
export function withRetry(client: HttpClient, options: RetryOptions): HttpClient {
  if (!(Number.isInteger(options.attempts) && options.attempts >= 1))
    throw new RangeError('attempts must be an integer >= 1');
  const clock = options.clock ?? systemClock;
  return async (request) => {
    const retryable = IDEMPOTENT.has(request.method.toUpperCase());
    for (let attempt = 1; ; attempt++) {
      const last = !retryable || attempt >= options.attempts;
      let response: HttpResponse;
      try {
        response = await client(request);
      } catch (error) {
        // A network error (refused, reset) is worth another try; so is nothing else that throws.
        if (last || !(error instanceof TypeError)) throw error;
        await clock.sleep(retryDelay(attempt, options));
        continue;
      }
      if (last || !RETRYABLE_STATUS.has(response.status)) return response;
      await clock.sleep(retryDelay(attempt, options, response.headers['retry-after']));
    }
  };
}

export interface LoggedCall {
  method: string;
  url: string;
  status: number | 'error';
}

/** A second decorator, to show stacking: records each call it sees. */
export function withLogging(client: HttpClient, log: (entry: LoggedCall) => void): HttpClient {
  return async (request) => {
    try {
      const response = await client(request);
      log({ method: request.method, url: request.url, status: response.status });
      return response;
    } catch (error) {
      log({ method: request.method, url: request.url, status: 'error' });
      throw error;
    }
  };
}
