/**
 * Sliding window log: remember the time of every admitted request and admit a new one while fewer than
 * `limit` fall inside the last `windowMs`. Exact — never more than `limit` in any window — but it stores one
 * entry per admitted request, so memory grows with the limit.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { memoryLimiter, prepare } from './_limiter.ts';
import { ExpiringMap } from './_memory-store.ts';
import { integerReply, LuaScript, TTL_SLACK_MS, unpackSign } from './_redis-script.ts';
import {
  type CheckedPolicy,
  checkKey,
  type Decision,
  type LimiterOptions,
  type MemoryRateLimiter,
  type Policy,
  type RateLimiter,
} from './policy.ts';

/**
 * KEYS[1]: sorted set of admitted requests, score = time (ms).
 * ARGV: now, windowMs, limit, a member unique to this request. TTL: a window after the newest entry
 * (+ TTL_SLACK_MS), when every entry has left the window.
 * The member must be unique: with the timestamp as member, two requests in the same millisecond are one
 * entry and the second is never counted. A rejected request is not added, so retrying cannot push the
 * window back (the seed's bug, see seed-sliding-log-buggy.ts). The oldest entry is read first, so the trim
 * (and a second read) only happen when something has actually left the window; a new client costs a
 * ZRANGE, a ZADD and a PEXPIRE. Reply: count·(W+1) + ms until the oldest entry leaves the window, signed
 * (see unpackSign).
 */
export const SLIDING_LOG_LUA = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
if oldest and oldest <= now - window then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
  oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
end
local count = 0
if oldest then count = redis.call('ZCARD', KEYS[1]) end
local admitted = count < tonumber(ARGV[3])
if admitted then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window + ${TTL_SLACK_MS})
  count = count + 1
  oldest = math.min(oldest or now, now)
end
local reset = math.max(0, math.min(window, oldest + window - now))
local packed = count * (window + 1) + reset
if admitted then return packed end
return -1 - packed`;

const script = new LuaScript(SLIDING_LOG_LUA);

function decision(
  policy: CheckedPolicy,
  admitted: boolean,
  count: number,
  resetMs: number,
  now: number,
): Decision {
  return {
    allowed: admitted,
    limit: policy.limit,
    remaining: Math.max(0, policy.limit - count),
    resetMs,
    retryAfterMs: admitted ? 0 : resetMs,
    at: now,
  };
}

/** Sliding window log, in-process: an array of admission times per key, oldest first. */
export function slidingLogMemory(policy: Policy, options: LimiterOptions = {}): MemoryRateLimiter {
  const { meta, policy: p, now } = prepare('sliding-log', 'memory', policy, options, '');
  const logs = new ExpiringMap<{ times: number[]; expiresAt: number }>(p.windowMs);
  const decide = (key: string): Decision => {
    checkKey(key);
    const t = now();
    let log = logs.get(key, t);
    if (log === undefined) {
      log = { times: [], expiresAt: 0 };
      logs.set(key, log);
    }
    const { times } = log;
    while (times.length > 0 && (times[0] as number) <= t - p.windowMs) times.shift();
    const admitted = times.length < p.limit;
    if (admitted) {
      times.push(t);
      log.expiresAt = t + p.windowMs;
    }
    const oldest = times.length > 0 ? (times[0] as number) : t;
    const resetMs = Math.max(0, Math.min(p.windowMs, oldest + p.windowMs - t));
    return decision(p, admitted, times.length, resetMs, t);
  };
  return memoryLimiter(meta, decide, () => logs.size);
}

/** Sliding window log on Redis: one EVALSHA over a sorted set, members unique per request. */
export function slidingLogRedis(client: Redis, policy: Policy, options: LimiterOptions = {}): RateLimiter {
  const { meta, policy: p, now, prefix } = prepare('sliding-log', 'redis', policy, options, 'rl:sl:');
  // Unique across processes (random) and within this one (a counter): cheaper than a UUID per request.
  const instance = randomBytes(6).toString('base64url');
  let sequence = 0;
  const window = String(p.windowMs);
  const limit = String(p.limit);
  return {
    ...meta,
    consume(key) {
      checkKey(key);
      const t = now();
      const member = `${instance}${(sequence++).toString(36)}`;
      return script.run(client, prefix + key, [t, window, limit, member], (reply) => {
        const { admitted, packed } = unpackSign(integerReply(reply));
        const count = Math.floor(packed / (p.windowMs + 1));
        return decision(p, admitted, count, packed - count * (p.windowMs + 1), t);
      });
    },
  };
}
