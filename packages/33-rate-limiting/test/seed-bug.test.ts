import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testRedis } from '@lab/common/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  manualClock,
  type RateLimiter,
  replay,
  seedSlidingLogBuggyMemory,
  seedSlidingLogBuggyRedis,
  slidingLogMemory,
  slidingLogRedis,
} from '../src/index.ts';

const PREFIX = testKeyPrefix(import.meta.url);
const POLICY = { limit: 3, windowMs: 60_000 };
const T0 = 1_700_000_000_000;

let client: Redis;
beforeAll(async () => {
  client = await testRedis();
});
afterAll(async () => {
  await deleteKeysWithPrefix(client, PREFIX);
});

/** 4 requests a millisecond apart (not in one: that is the other bug), then a retry every 12 s for 288 s. */
const persistentRetrier = [
  T0,
  T0 + 1,
  T0 + 2,
  T0 + 3,
  ...Array.from({ length: 24 }, (_, i) => T0 + (i + 1) * 12_000),
];

const stores: Array<
  [string, (now: () => number, name: string) => { buggy: RateLimiter; fixed: RateLimiter }]
> = [
  [
    'in-process',
    (now) => ({
      buggy: seedSlidingLogBuggyMemory(POLICY, { now }),
      fixed: slidingLogMemory(POLICY, { now }),
    }),
  ],
  [
    'Redis',
    (now, name) => ({
      buggy: seedSlidingLogBuggyRedis(client, POLICY, { now, prefix: `${PREFIX}${name}:buggy:` }),
      fixed: slidingLogRedis(client, POLICY, { now, prefix: `${PREFIX}${name}:fixed:` }),
    }),
  ],
];

describe.each(stores)("the seed's sliding window (%s)", (_, make) => {
  it('locks out a client that keeps retrying, for as long as it retries; the fixed log lets it back in', async () => {
    const clock = manualClock();
    const { buggy, fixed } = make(clock.now, 'retrier');
    const [seed = [], ours = []] = await replay(persistentRetrier, [buggy, fixed], clock);
    const afterFirstWindow = (decisions: typeof seed) =>
      decisions.filter((d, i) => d.allowed && (persistentRetrier[i] as number) >= T0 + POLICY.windowMs)
        .length;
    // Both admit the first 3 and reject the 4th...
    expect(seed.slice(0, 4).map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(ours.slice(0, 4).map((d) => d.allowed)).toEqual([true, true, true, false]);
    // ...then every rejected retry lands in the seed's sorted set and keeps its window full: never again.
    expect(afterFirstWindow(seed)).toBe(0);
    // The fixed log records only admitted requests: 3 per window, windows 2 to 5.
    expect(afterFirstWindow(ours)).toBe(12);
  });

  it('under-counts a same-millisecond burst: the timestamp is the member, so 10 requests are one entry', async () => {
    const clock = manualClock(T0);
    const { buggy, fixed } = make(clock.now, 'burst');
    const seed = await Promise.all(Array.from({ length: 10 }, () => buggy.consume('client')));
    const ours = await Promise.all(Array.from({ length: 10 }, () => fixed.consume('client')));
    expect(seed.filter((d) => d.allowed)).toHaveLength(10);
    expect(ours.filter((d) => d.allowed)).toHaveLength(3);
  });

  it('always says "retry in a whole window", however soon room frees up', async () => {
    const clock = manualClock(T0);
    const { buggy, fixed } = make(clock.now, 'retry-after');
    await replay([T0, T0 + 10_000, T0 + 20_000], [buggy, fixed], clock);
    clock.set(T0 + 50_000);
    const [seed, ours] = [await buggy.consume('client'), await fixed.consume('client')];
    expect(seed.allowed || ours.allowed).toBe(false);
    expect(seed.retryAfterMs).toBe(60_000);
    expect(ours.retryAfterMs).toBe(10_000); // the request at T0 leaves the window at T0 + 60 s
  });
});
