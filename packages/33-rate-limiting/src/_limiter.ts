/** What the limiter factories share: validation, the clock, and the descriptive fields of a limiter. */
import {
  type AlgorithmName,
  type CheckedPolicy,
  type Clock,
  checkName,
  checkPolicy,
  type Decision,
  type LimiterOptions,
  type MemoryRateLimiter,
  type Policy,
  type RateLimiter,
} from './policy.ts';

export interface Prepared {
  meta: Pick<RateLimiter, 'algorithm' | 'store' | 'policy' | 'name'>;
  policy: CheckedPolicy;
  /** The injected clock, floored: every store works in whole milliseconds. */
  now: Clock;
  prefix: string;
}

export function prepare(
  algorithm: AlgorithmName,
  store: 'memory' | 'redis',
  policy: Policy,
  options: LimiterOptions,
  defaultPrefix: string,
): Prepared {
  const checked = checkPolicy(policy);
  const clock = options.now ?? Date.now;
  const prefix = options.prefix ?? defaultPrefix;
  return {
    meta: { algorithm, store, policy: checked, name: checkName(options.name) },
    policy: checked,
    now: () => Math.floor(clock()),
    prefix,
  };
}

/** An in-process limiter from its decision function: `consume` is `decide` in an already-resolved promise. */
export function memoryLimiter(
  meta: Prepared['meta'],
  decide: (key: string) => Decision,
  size: () => number,
): MemoryRateLimiter {
  return {
    ...meta,
    store: 'memory',
    decide,
    consume: (key) => Promise.resolve(decide(key)),
    get size() {
      return size();
    },
  };
}
