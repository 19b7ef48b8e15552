/**
 * Fixed window: one counter per client per window [k·W, (k+1)·W). Cheapest of all (one INCR), but a client
 * can spend its quota at the end of one window and again at the start of the next: 2× limit in a moment.
 */
import type { Redis } from 'ioredis';
import { memoryLimiter, prepare } from './_limiter.ts';
import { ExpiringMap } from './_memory-store.ts';
import { integerReply, LuaScript, TTL_SLACK_MS } from './_redis-script.ts';
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
 * KEYS[1]: this window's counter (the window number is part of the key, chosen by the caller's clock).
 * ARGV[1]: the counter's TTL: milliseconds until the window ends, plus TTL_SLACK_MS.
 * Counting a rejected request too is harmless here: the counter dies with its window, so it cannot push the
 * client's next window back, and one INCR is cheaper than a GET followed by a conditional INCR.
 */
export const FIXED_WINDOW_LUA = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

const script = new LuaScript(FIXED_WINDOW_LUA);

function decision(policy: CheckedPolicy, count: number, now: number, windowEnd: number): Decision {
  const resetMs = windowEnd - now;
  const allowed = count <= policy.limit;
  return {
    allowed,
    limit: policy.limit,
    remaining: allowed ? policy.limit - count : 0,
    resetMs,
    retryAfterMs: allowed ? 0 : resetMs,
    at: now,
  };
}

/** Fixed window, in-process. */
export function fixedWindowMemory(policy: Policy, options: LimiterOptions = {}): MemoryRateLimiter {
  const { meta, policy: p, now } = prepare('fixed-window', 'memory', policy, options, '');
  const counters = new ExpiringMap<{ window: number; count: number; expiresAt: number }>(p.windowMs);
  const decide = (key: string): Decision => {
    checkKey(key);
    const t = now();
    const window = Math.floor(t / p.windowMs);
    const windowEnd = (window + 1) * p.windowMs;
    let state = counters.get(key, t);
    if (state === undefined || state.window !== window) {
      state = { window, count: 0, expiresAt: windowEnd };
      counters.set(key, state);
    }
    state.count++;
    return decision(p, state.count, t, windowEnd);
  };
  return memoryLimiter(meta, decide, () => counters.size);
}

/** Fixed window on Redis: one EVALSHA, one INCR (plus a PEXPIRE on the window's first request). */
export function fixedWindowRedis(client: Redis, policy: Policy, options: LimiterOptions = {}): RateLimiter {
  const { meta, policy: p, now, prefix } = prepare('fixed-window', 'redis', policy, options, 'rl:fw:');
  return {
    ...meta,
    consume(key) {
      checkKey(key);
      const t = now();
      const window = Math.floor(t / p.windowMs);
      const windowEnd = (window + 1) * p.windowMs;
      return script.run(client, `${prefix}${key}:${window}`, [windowEnd - t + TTL_SLACK_MS], (reply) =>
        decision(p, integerReply(reply), t, windowEnd),
      );
    },
  };
}
