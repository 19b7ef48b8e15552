export { ALGORITHMS, type Algorithm, algorithm, SEED_SLIDING_LOG_BUGGY } from './algorithms.ts';
export {
  type FailPolicyEvent,
  type FailPolicyOptions,
  type GuardedRateLimiter,
  type StoreErrorPolicy,
  withFailPolicy,
} from './fail-policy.ts';
export { FIXED_WINDOW_LUA, fixedWindowMemory, fixedWindowRedis } from './fixed-window.ts';
export { emissionIntervalUs, GCRA_LUA, gcraMemory, gcraRedis } from './gcra.ts';
export { parseRateLimitField, type RateLimitItem, rateLimitHeaders } from './headers.ts';
export { byIp, byRoute, byUser, type KeyFn, normalizeAddress, type RequestUser, userOf } from './keys.ts';
export { limiterKey, type RateLimitOptions, rateLimit } from './middleware.ts';
export { nonAtomicFixedWindowRedis } from './non-atomic-fixed-window.ts';
export {
  type AlgorithmName,
  type CheckedPolicy,
  type Clock,
  checkPolicy,
  type Decision,
  type LimiterOptions,
  type ManualClock,
  type MemoryRateLimiter,
  manualClock,
  type Policy,
  type RateLimiter,
} from './policy.ts';
export {
  type ConnectLimiterClientOptions,
  connectLimiterClient,
  LIMITER_CLIENT_OPTIONS,
  limiterClientOptions,
  type ReconnectBackoff,
  reconnectDelay,
} from './redis-client.ts';
export { seedSlidingLogBuggyMemory, seedSlidingLogBuggyRedis } from './seed-sliding-log-buggy.ts';
export { SLIDING_LOG_LUA, slidingLogMemory, slidingLogRedis } from './sliding-log.ts';
export {
  counterResetMs,
  SLIDING_WINDOW_COUNTER_LUA,
  slidingWindowCounterMemory,
  slidingWindowCounterRedis,
} from './sliding-window-counter.ts';
export { mostAdmittedWithin, replay, ruler, strip } from './timeline.ts';
export { TOKEN_BUCKET_LUA, tokenBucketMemory, tokenBucketRedis } from './token-bucket.ts';
