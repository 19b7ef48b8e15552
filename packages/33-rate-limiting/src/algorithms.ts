/** The five algorithms (and the seed's broken one) by name, each with its in-process and Redis store. */
import type { Redis } from 'ioredis';
import { fixedWindowMemory, fixedWindowRedis } from './fixed-window.ts';
import { gcraMemory, gcraRedis } from './gcra.ts';
import type { AlgorithmName, LimiterOptions, MemoryRateLimiter, Policy, RateLimiter } from './policy.ts';
import { seedSlidingLogBuggyMemory, seedSlidingLogBuggyRedis } from './seed-sliding-log-buggy.ts';
import { slidingLogMemory, slidingLogRedis } from './sliding-log.ts';
import { slidingWindowCounterMemory, slidingWindowCounterRedis } from './sliding-window-counter.ts';
import { tokenBucketMemory, tokenBucketRedis } from './token-bucket.ts';

/** One algorithm: how to build it in-process and on Redis. */
export interface Algorithm {
  name: AlgorithmName;
  /** Human label, as the demo and the bench print it. */
  label: string;
  memory(policy: Policy, options?: LimiterOptions): MemoryRateLimiter;
  redis(client: Redis, policy: Policy, options?: LimiterOptions): RateLimiter;
}

/** The five correct algorithms, in the order the demo and the bench show them. */
export const ALGORITHMS: readonly Algorithm[] = [
  { name: 'fixed-window', label: 'fixed window', memory: fixedWindowMemory, redis: fixedWindowRedis },
  { name: 'sliding-log', label: 'sliding log', memory: slidingLogMemory, redis: slidingLogRedis },
  {
    name: 'sliding-window-counter',
    label: 'sliding window counter',
    memory: slidingWindowCounterMemory,
    redis: slidingWindowCounterRedis,
  },
  { name: 'token-bucket', label: 'token bucket', memory: tokenBucketMemory, redis: tokenBucketRedis },
  { name: 'gcra', label: 'gcra (leaky bucket)', memory: gcraMemory, redis: gcraRedis },
];

/** The Python series' sliding window, bugs included (see seed-sliding-log-buggy.ts). */
export const SEED_SLIDING_LOG_BUGGY: Algorithm = {
  name: 'seed-sliding-log-buggy',
  label: "seed's sliding log (buggy)",
  memory: seedSlidingLogBuggyMemory,
  redis: seedSlidingLogBuggyRedis,
};

/** An algorithm by name; a clear error for a name that is not one. */
export function algorithm(name: string): Algorithm {
  const found = [...ALGORITHMS, SEED_SLIDING_LOG_BUGGY].find((a) => a.name === name);
  if (!found)
    throw new RangeError(
      `unknown rate limiting algorithm ${JSON.stringify(name)}; one of: ${ALGORITHMS.map((a) => a.name).join(', ')}`,
    );
  return found;
}
