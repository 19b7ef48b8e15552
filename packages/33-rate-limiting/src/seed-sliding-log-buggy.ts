/**
 * DELIBERATELY BROKEN — the Python series' sliding-window limiter, ported as written, so that the tests and
 * the demo can show what goes wrong. Do not use it; sliding-log.ts is the fixed version.
 *
 * In one MULTI it trims, ZADDs the request, counts, and sets EXPIRE; only then does it compare with the
 * limit. So:
 *   1. a REJECTED request is still recorded: a client that keeps retrying refills its own window and stays
 *      blocked for as long as it retries at least `limit` times per window (for ever, for a busy client);
 *   2. the member is the timestamp itself: requests in the same millisecond collapse into one entry, so a
 *      burst is under-counted and admitted beyond the limit;
 *   3. Retry-After and the reset are always a whole window, whatever the log holds.
 */
import type { Redis } from 'ioredis';
import { memoryLimiter, prepare } from './_limiter.ts';
import { ExpiringMap } from './_memory-store.ts';
import {
  type CheckedPolicy,
  checkKey,
  type Decision,
  type LimiterOptions,
  type MemoryRateLimiter,
  type Policy,
  type RateLimiter,
} from './policy.ts';

function decision(policy: CheckedPolicy, count: number, now: number): Decision {
  const allowed = count <= policy.limit;
  return {
    allowed,
    limit: policy.limit,
    remaining: Math.max(0, policy.limit - count),
    resetMs: policy.windowMs,
    retryAfterMs: allowed ? 0 : policy.windowMs,
    at: now,
  };
}

/** The seed's limiter, in-process: a map of member → score, members being the timestamps. */
export function seedSlidingLogBuggyMemory(policy: Policy, options: LimiterOptions = {}): MemoryRateLimiter {
  const { meta, policy: p, now } = prepare('seed-sliding-log-buggy', 'memory', policy, options, '');
  const sets = new ExpiringMap<{ members: Map<string, number>; expiresAt: number }>(p.windowMs);
  const decide = (key: string): Decision => {
    checkKey(key);
    const t = now();
    let set = sets.get(key, t);
    if (set === undefined) {
      set = { members: new Map(), expiresAt: 0 };
      sets.set(key, set);
    }
    for (const [member, score] of set.members) if (score <= t - p.windowMs) set.members.delete(member);
    set.members.set(String(t), t); // bug 2: the timestamp is the member
    set.expiresAt = t + Math.ceil(p.windowMs / 1000) * 1000;
    return decision(p, set.members.size, t); // bug 1: counted before deciding, rejected or not
  };
  return memoryLimiter(meta, decide, () => sets.size);
}

/** The seed's limiter on Redis: a MULTI of ZREMRANGEBYSCORE, ZADD, ZCARD, EXPIRE, then the comparison. */
export function seedSlidingLogBuggyRedis(
  client: Redis,
  policy: Policy,
  options: LimiterOptions = {},
): RateLimiter {
  const {
    meta,
    policy: p,
    now,
    prefix,
  } = prepare('seed-sliding-log-buggy', 'redis', policy, options, 'rl:seed:');
  const expireSeconds = Math.ceil(p.windowMs / 1000);
  return {
    ...meta,
    async consume(key) {
      checkKey(key);
      const t = now();
      const redisKey = prefix + key;
      const replies = await client
        .multi()
        .zremrangebyscore(redisKey, 0, t - p.windowMs)
        .zadd(redisKey, t, String(t))
        .zcard(redisKey)
        .expire(redisKey, expireSeconds)
        .exec();
      const count = replies?.[2]?.[1];
      if (typeof count !== 'number') throw new Error('seed limiter: the MULTI was discarded');
      return decision(p, count, t);
    },
  };
}
