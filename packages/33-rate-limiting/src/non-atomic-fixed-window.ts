/**
 * DELIBERATELY BROKEN — a fixed window that reads, decides in Node, then writes: two round trips with a gap
 * between them. Every request that reads before the first write sees the same count, so a burst of N
 * concurrent requests is admitted whole. It exists to show why the read-decide-write must be one Lua script.
 */
import type { Redis } from 'ioredis';
import { prepare } from './_limiter.ts';
import { checkKey, type LimiterOptions, type Policy, type RateLimiter } from './policy.ts';

/** GET the count, compare in Node, SET count + 1: the check-then-act race. */
export function nonAtomicFixedWindowRedis(
  client: Redis,
  policy: Policy,
  options: LimiterOptions = {},
): RateLimiter {
  const {
    meta,
    policy: p,
    now,
    prefix,
  } = prepare('non-atomic-fixed-window', 'redis', policy, options, 'rl:race:');
  return {
    ...meta,
    async consume(key) {
      checkKey(key);
      const t = now();
      const window = Math.floor(t / p.windowMs);
      const windowEnd = (window + 1) * p.windowMs;
      const redisKey = `${prefix}${key}:${window}`;
      const count = Number((await client.get(redisKey)) ?? 0);
      if (count >= p.limit)
        return {
          allowed: false,
          limit: p.limit,
          remaining: 0,
          resetMs: windowEnd - t,
          retryAfterMs: windowEnd - t,
          at: t,
        };
      await client.set(redisKey, count + 1, 'PX', windowEnd - t);
      return {
        allowed: true,
        limit: p.limit,
        remaining: p.limit - count - 1,
        resetMs: windowEnd - t,
        retryAfterMs: 0,
        at: t,
      };
    },
  };
}
