/**
 * The Redis client a limiter needs. Two separate concerns, often confused into one setting:
 *
 * - Fail fast per command. While the connection is down, a command must fail at once (offline queue off),
 *   so the fail policy decides within its timeout — not queue until the next reconnect and then run, long
 *   after its request was answered, counting it a second time.
 * - Reconnect with backoff. After a blip the client must come back by itself; `retryStrategy: () => null`
 *   gives up after the first drop, and the limiter then fails open (or closed) for good.
 *
 * With the offline queue off, a command sent before the first connection is ready fails too: a fresh client
 * used at once would fail open for its first requests. `connectLimiterClient` waits for `ready` first.
 */
import { Redis, type RedisOptions } from 'ioredis';

export interface ReconnectBackoff {
  /** Delay before the first reconnect attempt, in ms; each next attempt waits twice as long. Default 50. */
  firstDelayMs?: number;
  /** Longest delay between attempts, in ms: the client never stops trying. Default 2000. */
  maxDelayMs?: number;
}

/** Exponential reconnect delays, capped; ioredis calls it with the attempt number, from 1. */
export function reconnectDelay({ firstDelayMs = 50, maxDelayMs = 2000 }: ReconnectBackoff = {}) {
  if (!(firstDelayMs > 0) || !(maxDelayMs >= firstDelayMs))
    throw new RangeError('reconnect backoff: need 0 < firstDelayMs <= maxDelayMs');
  return (attempt: number): number => Math.min(firstDelayMs * 2 ** Math.max(0, attempt - 1), maxDelayMs);
}

/** ioredis options for a limiter's client: commands fail at once while disconnected; reconnects never stop. */
export function limiterClientOptions(backoff: ReconnectBackoff = {}): RedisOptions {
  return {
    enableOfflineQueue: false,
    // A command in flight when the connection drops is failed, not resent after the reconnect: its
    // request has already been decided by the fail policy.
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    retryStrategy: reconnectDelay(backoff),
  };
}

/** `limiterClientOptions()` with the default backoff. */
export const LIMITER_CLIENT_OPTIONS: RedisOptions = limiterClientOptions();

export interface ConnectLimiterClientOptions extends ReconnectBackoff {
  /**
   * How long to wait for the first `ready`, in ms (default 2000). If Redis is not up by then the client is
   * returned anyway, still reconnecting: the fail policy covers the wait, and an app should start even
   * while its limiter's store is down.
   */
  readyTimeoutMs?: number;
}

/**
 * A limiter's client on `target` (a URL or ioredis options), resolved once it is ready to take commands.
 * Connection errors are not printed: the fail policy logs the outage once, ioredis would log every attempt.
 */
export async function connectLimiterClient(
  target: string | RedisOptions,
  { readyTimeoutMs = 2000, ...backoff }: ConnectLimiterClientOptions = {},
): Promise<Redis> {
  const options = { ...(typeof target === 'string' ? {} : target), ...limiterClientOptions(backoff) };
  const client = typeof target === 'string' ? new Redis(target, options) : new Redis(options);
  client.on('error', () => {});
  // Not `events.once`: it rejects on the first 'error', and a refused first attempt is not the end.
  await new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    };
    // Not ready in time: the client is handed over still reconnecting (see readyTimeoutMs).
    const timer = setTimeout(done, readyTimeoutMs);
    client.once('ready', done);
  });
  return client;
}
