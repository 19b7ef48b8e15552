/**
 * GCRA, the generic cell rate algorithm: the leaky bucket as a meter. It stores one number per client, the
 * theoretical arrival time (TAT) — when the client's "water" will have leaked away. Each request adds one
 * emission interval T = windowMs / limit to it; a request is admitted if, after adding, the TAT is no more
 * than `burst`·T ahead of now. With `burst = limit` it admits exactly what the token bucket admits (one
 * timestamp instead of a level and a timestamp); with `burst = 1` it spaces requests T apart.
 *
 * Time is kept in integer microseconds so that the TAT is one exact number in a double for centuries. T is
 * rounded UP to a whole microsecond: the limiter may be 1 µs per request stricter, never more generous.
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
 * KEYS[1]: the TAT in µs. ARGV: now (µs), emission interval T (µs), burst·T (µs).
 * TTL: until the TAT is in the past (+ TTL_SLACK_MS), when no key and this key mean the same thing.
 * Reply: TAT − now after this request (µs), signed (see unpackSign). A rejection writes nothing.
 */
export const GCRA_LUA = `
local now = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local nextTat = tat + tonumber(ARGV[2])
if nextTat - tonumber(ARGV[3]) > now then return now - tat - 1 end
redis.call('SET', KEYS[1], nextTat, 'PX', math.ceil((nextTat - now) / 1000) + ${TTL_SLACK_MS})
return nextTat - now`;

const script = new LuaScript(GCRA_LUA);

/** The emission interval in µs, rounded up. */
export const emissionIntervalUs = (policy: CheckedPolicy): number =>
  Math.ceil((policy.windowMs * 1000) / policy.limit);

function decision(
  policy: CheckedPolicy,
  admitted: boolean,
  ahead: number,
  intervalUs: number,
  now: number,
): Decision {
  // `ahead` = TAT − now in µs: how much of the burst allowance is in use.
  const used = Math.ceil(ahead / intervalUs);
  const remaining = Math.max(0, policy.burst - used);
  const resetMs = remaining >= policy.burst ? 0 : Math.ceil((ahead - (used - 1) * intervalUs) / 1000);
  return {
    allowed: admitted,
    limit: policy.limit,
    remaining,
    resetMs,
    retryAfterMs: admitted ? 0 : resetMs,
    at: now,
  };
}

/** GCRA, in-process. */
export function gcraMemory(policy: Policy, options: LimiterOptions = {}): MemoryRateLimiter {
  const { meta, policy: p, now } = prepare('gcra', 'memory', policy, options, '');
  const interval = emissionIntervalUs(p);
  const tolerance = p.burst * interval;
  const tats = new ExpiringMap<{ tat: number; expiresAt: number }>(p.windowMs);
  const decide = (key: string): Decision => {
    checkKey(key);
    const t = now();
    const nowUs = t * 1000;
    const state = tats.get(key, t);
    const tat = Math.max(state?.tat ?? nowUs, nowUs);
    const nextTat = tat + interval;
    if (nextTat - tolerance > nowUs) return decision(p, false, tat - nowUs, interval, t);
    const expiresAt = t + Math.ceil((nextTat - nowUs) / 1000);
    if (state === undefined) tats.set(key, { tat: nextTat, expiresAt });
    else {
      // Updated in place: a returning client costs no allocation.
      state.tat = nextTat;
      state.expiresAt = expiresAt;
    }
    return decision(p, true, nextTat - nowUs, interval, t);
  };
  return memoryLimiter(meta, decide, () => tats.size);
}

/** GCRA on Redis: one EVALSHA, a GET and (when admitted) a SET … PX of a single number. */
export function gcraRedis(client: Redis, policy: Policy, options: LimiterOptions = {}): RateLimiter {
  const { meta, policy: p, now, prefix } = prepare('gcra', 'redis', policy, options, 'rl:gcra:');
  const interval = emissionIntervalUs(p);
  const intervalArg = String(interval);
  const toleranceArg = String(p.burst * interval);
  return {
    ...meta,
    consume(key) {
      checkKey(key);
      const t = now();
      return script.run(client, prefix + key, [t * 1000, intervalArg, toleranceArg], (reply) => {
        const { admitted, packed } = unpackSign(integerReply(reply));
        return decision(p, admitted, packed, interval, t);
      });
    },
  };
}
