/**
 * The contenders of the Redis benches, all on ONE ioredis client with default options, one policy
 * (100 requests per minute, so that no contender ever rejects: rate-limiter-flexible rejects by throwing),
 * 10 000 client keys visited in the same order by every contender, and the same way of issuing decisions.
 */
import { redis } from '@lab/common';
import { deleteKeysWithPrefix } from '@lab/common/services';
import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { ALGORITHMS } from '../src/index.ts';

export const POLICY = { limit: 100, windowMs: 60_000 };
export const KEY_COUNT = 10_000;
export const CEILING = 'raw EVALSHA';
export const PEER = 'rate-limiter-flexible redis';

/** The ceiling: a script that does nothing, same shape of call (one key, the clock as argument). */
export const TRIVIAL_LUA = 'return 1';

export interface Contender {
  name: string;
  decide(key: string): Promise<unknown>;
}

interface RedisBenchContext {
  client: Redis;
  contenders: Contender[];
  keys: string[];
  cleanup(): Promise<void>;
}

/** Label of an algorithm's Redis contender, as claims name it. */
export const redisLabel = (label: string): string => `${label} (redis)`;

async function redisBenchContext(run: string): Promise<RedisBenchContext> {
  const found = await redis();
  if (!found.ok)
    throw new Error(`the rate-limiting Redis benches need Redis: ${found.reason}; ${found.howToGet}`);
  const { client } = found;
  const prefix = `lab:bench:rate-limiting:${run}:${process.pid}:${Date.now()}:`;
  const trivial = String(await client.script('LOAD', TRIVIAL_LUA));
  const peer = new RateLimiterRedis({
    storeClient: client,
    points: POLICY.limit,
    duration: POLICY.windowMs / 1000,
    keyPrefix: `${prefix}rlf`,
  });
  const contenders: Contender[] = [
    { name: CEILING, decide: (key) => client.evalsha(trivial, 1, `${prefix}raw:${key}`, Date.now()) },
    ...ALGORITHMS.map((a) => {
      const limiter = a.redis(client, POLICY, { prefix: `${prefix}${a.name}:` });
      return { name: redisLabel(a.label), decide: (key: string) => limiter.consume(key) };
    }),
    { name: PEER, decide: (key) => peer.consume(key) },
  ];
  const keys = Array.from({ length: KEY_COUNT }, (_, i) => `client-${i}`);
  // One call each before measuring: loads the scripts (NOSCRIPT → SCRIPT LOAD) outside the timings.
  for (const c of contenders) await c.decide('warm-up');
  return { client, contenders, keys, cleanup: async () => void (await deleteKeysWithPrefix(client, prefix)) };
}

/** `contenders` rotated by `round`, so that no contender always runs first (or right after the same one). */
const rotate = <T>(items: readonly T[], round: number): T[] =>
  items.map((_, i) => items[(i + round) % items.length] as T);

/**
 * Runs `rounds` rounds over every contender, in rotated order, and collects their samples. Within a round
 * every contender gets the same `keysPerRound` keys (`keyAt(0)` …), so none meets warmer keys than another;
 * the next round moves on to fresh keys. The keys are deleted afterwards.
 */
export async function rotatingRounds(
  run: string,
  { rounds, keysPerRound }: { rounds: number; keysPerRound: number },
  sampleRound: (contender: Contender, keyAt: (i: number) => string, out: number[]) => Promise<void>,
): Promise<Record<string, number[]>> {
  const { contenders, keys, cleanup } = await redisBenchContext(run);
  const samples: Record<string, number[]> = Object.fromEntries(contenders.map((c) => [c.name, []]));
  try {
    for (let round = 0; round < rounds; round++) {
      const start = round * keysPerRound;
      const keyAt = (i: number) => keys[(start + i) % keys.length] as string;
      for (const c of rotate(contenders, round)) await sampleRound(c, keyAt, samples[c.name] as number[]);
    }
  } finally {
    await cleanup();
  }
  return samples;
}
