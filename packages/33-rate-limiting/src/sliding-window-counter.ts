/**
 * Sliding window counter: two counters (previous window, current window) and an estimate of the requests in
 * the last `windowMs` that assumes the previous window's requests were spread evenly:
 *
 *     estimate = previous × (1 − elapsed / W) + current
 *
 * Constant memory like the fixed window, no boundary burst like the log; the price is that it is an
 * approximation (it can admit a little more or less than the exact log would).
 *
 * All arithmetic is scaled by W to stay in integers, so the TypeScript and the Lua give identical answers:
 * admit while previous·(W − elapsed) + (current + 1)·W ≤ limit·W.
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
 * KEYS[1]: "window:previous:current" — one short string, so the write and its TTL are a single SET … PX.
 * ARGV: now, windowMs, limit. The TTL, 2W − elapsed (+ TTL_SLACK_MS), is when the current count stops mattering even as the
 * "previous" of the next window. A window number ahead of ours (another server's clock is ahead) is kept.
 * Reply: previous·(limit+1) + current, signed (see unpackSign).
 */
export const SLIDING_WINDOW_COUNTER_LUA = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local current = math.floor(now / window)
local elapsed = now - current * window
local previous, count = 0, 0
local state = redis.call('GET', KEYS[1])
if state then
  local w, p, c = string.match(state, '(%d+):(%d+):(%d+)')
  w = tonumber(w)
  if w >= current then
    current, previous, count = w, tonumber(p), tonumber(c)
  elseif w == current - 1 then
    previous = tonumber(c)
  end
end
local admitted = previous * (window - elapsed) + (count + 1) * window <= limit * window
if admitted then
  count = count + 1
  redis.call('SET', KEYS[1], string.format('%d:%d:%d', current, previous, count), 'PX', 2 * window - elapsed + ${TTL_SLACK_MS})
end
local packed = previous * (limit + 1) + count
if admitted then return packed end
return -1 - packed`;

const script = new LuaScript(SLIDING_WINDOW_COUNTER_LUA);

/**
 * Milliseconds until the estimate leaves room for one more request than `remaining`: first while the
 * previous window's weight fades during this window, else during the next one (where today's count becomes
 * the fading "previous").
 */
export function counterResetMs(
  policy: CheckedPolicy,
  previous: number,
  current: number,
  elapsed: number,
  remaining: number,
): number {
  const W = policy.windowMs;
  if (remaining >= policy.limit) return 0;
  const target = (policy.limit - remaining - 1) * W;
  const room = target - current * W;
  if (room >= 0 && previous > 0) {
    const at = W - Math.floor(room / previous);
    if (at < W) return Math.max(1, at - elapsed);
  }
  const atNext = current === 0 ? 0 : Math.max(0, W - Math.floor(target / current));
  return W - elapsed + atNext;
}

function decision(
  policy: CheckedPolicy,
  admitted: boolean,
  previous: number,
  current: number,
  now: number,
): Decision {
  const W = policy.windowMs;
  const elapsed = now - Math.floor(now / W) * W;
  const used = previous * (W - elapsed) + current * W;
  const remaining = Math.max(0, Math.floor((policy.limit * W - used) / W));
  const resetMs = counterResetMs(policy, previous, current, elapsed, remaining);
  return {
    allowed: admitted,
    limit: policy.limit,
    remaining,
    resetMs,
    retryAfterMs: admitted ? 0 : resetMs,
    at: now,
  };
}

/** Sliding window counter, in-process. */
export function slidingWindowCounterMemory(policy: Policy, options: LimiterOptions = {}): MemoryRateLimiter {
  const { meta, policy: p, now } = prepare('sliding-window-counter', 'memory', policy, options, '');
  const W = p.windowMs;
  const states = new ExpiringMap<{ window: number; previous: number; count: number; expiresAt: number }>(W);
  const decide = (key: string): Decision => {
    checkKey(key);
    const t = now();
    let window = Math.floor(t / W);
    const elapsed = t - window * W;
    let previous = 0;
    let count = 0;
    const state = states.get(key, t);
    if (state !== undefined) {
      if (state.window >= window) ({ window, previous, count } = state);
      else if (state.window === window - 1) previous = state.count;
    }
    const admitted = previous * (W - elapsed) + (count + 1) * W <= p.limit * W;
    if (admitted) {
      count++;
      const expiresAt = t + 2 * W - elapsed;
      if (state === undefined) states.set(key, { window, previous, count, expiresAt });
      else {
        // Updated in place: a returning client costs no allocation.
        state.window = window;
        state.previous = previous;
        state.count = count;
        state.expiresAt = expiresAt;
      }
    }
    return decision(p, admitted, previous, count, t);
  };
  return memoryLimiter(meta, decide, () => states.size);
}

/** Sliding window counter on Redis: one EVALSHA, a GET and (when admitted) a SET … PX. */
export function slidingWindowCounterRedis(
  client: Redis,
  policy: Policy,
  options: LimiterOptions = {},
): RateLimiter {
  const {
    meta,
    policy: p,
    now,
    prefix,
  } = prepare('sliding-window-counter', 'redis', policy, options, 'rl:sc:');
  const window = String(p.windowMs);
  const limit = String(p.limit);
  return {
    ...meta,
    consume(key) {
      checkKey(key);
      const t = now();
      return script.run(client, prefix + key, [t, window, limit], (reply) => {
        const { admitted, packed } = unpackSign(integerReply(reply));
        const previous = Math.floor(packed / (p.limit + 1));
        return decision(p, admitted, previous, packed - previous * (p.limit + 1), t);
      });
    },
  };
}
