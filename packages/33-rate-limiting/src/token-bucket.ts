/**
 * Token bucket: a bucket of `burst` tokens, refilled at `limit` tokens per `windowMs`; a request takes one.
 * Allows a burst of `burst` at once, then the steady rate. State: the level and when it was last refilled.
 *
 * The level is kept in integer units — one token is `windowMs` units and the bucket gains `limit` units per
 * millisecond — so refilling never accumulates floating-point error, and TypeScript and Lua agree exactly.
 */
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
 * KEYS[1]: "level:refilledAt" — one string, so the write and its TTL are a single SET … PX.
 * ARGV: now, units per token (windowMs), units refilled per ms (limit), capacity in units (burst·windowMs).
 * The TTL is the time until the bucket is full again (+ TTL_SLACK_MS): from then on, no key and a full
 * bucket are the same.
 * A rejected request writes nothing. Reply: the level after this request, signed (see unpackSign).
 */
export const TOKEN_BUCKET_LUA = `
local now = tonumber(ARGV[1])
local token = tonumber(ARGV[2])
local rate = tonumber(ARGV[3])
local capacity = tonumber(ARGV[4])
local level, refilled = capacity, now
local state = redis.call('GET', KEYS[1])
if state then
  local l, t = string.match(state, '(%d+):(%d+)')
  level, refilled = tonumber(l), tonumber(t)
  if now > refilled then
    level = math.min(capacity, level + (now - refilled) * rate)
    refilled = now
  end
end
if level < token then return -1 - level end
level = level - token
redis.call('SET', KEYS[1], string.format('%d:%d', level, refilled), 'PX', math.ceil((capacity - level) / rate) + ${TTL_SLACK_MS})
return level`;

const script = new LuaScript(TOKEN_BUCKET_LUA);

function decision(policy: CheckedPolicy, admitted: boolean, level: number, now: number): Decision {
  const token = policy.windowMs;
  const remaining = Math.floor(level / token);
  const resetMs = remaining >= policy.burst ? 0 : Math.ceil(((remaining + 1) * token - level) / policy.limit);
  return {
    allowed: admitted,
    limit: policy.limit,
    remaining,
    resetMs,
    retryAfterMs: admitted ? 0 : resetMs,
    at: now,
  };
}

/** Token bucket, in-process. */
export function tokenBucketMemory(policy: Policy, options: LimiterOptions = {}): MemoryRateLimiter {
  const { meta, policy: p, now } = prepare('token-bucket', 'memory', policy, options, '');
  const token = p.windowMs;
  const capacity = p.burst * token;
  const buckets = new ExpiringMap<{ level: number; refilled: number; expiresAt: number }>(p.windowMs);
  const decide = (key: string): Decision => {
    checkKey(key);
    const t = now();
    let level = capacity;
    let refilled = t;
    const bucket = buckets.get(key, t);
    if (bucket !== undefined) {
      ({ level, refilled } = bucket);
      if (t > refilled) {
        level = Math.min(capacity, level + (t - refilled) * p.limit);
        refilled = t;
      }
    }
    if (level < token) return decision(p, false, level, t);
    level -= token;
    const expiresAt = t + Math.ceil((capacity - level) / p.limit);
    if (bucket === undefined) buckets.set(key, { level, refilled, expiresAt });
    else {
      // Updated in place: a returning client costs no allocation.
      bucket.level = level;
      bucket.refilled = refilled;
      bucket.expiresAt = expiresAt;
    }
    return decision(p, true, level, t);
  };
  return memoryLimiter(meta, decide, () => buckets.size);
}

/** Token bucket on Redis: one EVALSHA, a GET and (when admitted) a SET … PX. */
export function tokenBucketRedis(client: Redis, policy: Policy, options: LimiterOptions = {}): RateLimiter {
  const { meta, policy: p, now, prefix } = prepare('token-bucket', 'redis', policy, options, 'rl:tb:');
  const token = String(p.windowMs);
  const rate = String(p.limit);
  const capacity = String(p.burst * p.windowMs);
  return {
    ...meta,
    consume(key) {
      checkKey(key);
      const t = now();
      return script.run(client, prefix + key, [t, token, rate, capacity], (reply) => {
        const { admitted, packed } = unpackSign(integerReply(reply));
        return decision(p, admitted, packed, t);
      });
    },
  };
}
