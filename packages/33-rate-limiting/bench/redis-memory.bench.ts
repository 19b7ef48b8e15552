/**
 * Redis memory per limited client, as `MEMORY USAGE <key> SAMPLES 0` reports it (every element counted,
 * key name and TTL included), after each of 200 clients made 10 requests under a 100-per-minute policy —
 * and, for the sliding log, after they made 100 (its cost grows with the limit; the others' does not).
 */
import { redis } from '@lab/common';
import { measureBench } from '@lab/common/bench';
import { deleteKeysWithPrefix, keysWithPrefix } from '@lab/common/services';
import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { ALGORITHMS, type RateLimiter } from '../src/index.ts';
import { PEER, POLICY, redisLabel } from './_redis-contenders.ts';

const CLIENTS = 200;
const T = 1_700_000_000_000;
const FULL_LOG = `${redisLabel('sliding log')}, ${POLICY.limit} entries`;

/** Bytes per client: every key under `prefix`, summed, divided by the clients that made requests. */
async function bytesPerClient(client: Redis, prefix: string, clients: number): Promise<number[]> {
  const keys = await keysWithPrefix(client, prefix);
  const sizes = await Promise.all(keys.map((k) => client.memory('USAGE', k, 'SAMPLES', 0)));
  // One sample per client key; a client with several keys (none here) would count once per key.
  if (keys.length !== clients)
    throw new Error(`expected ${clients} keys under ${prefix}, found ${keys.length}`);
  return sizes.map((s) => Number(s ?? 0));
}

export default [
  measureBench({
    title: 'Redis memory per limited client (MEMORY USAGE, 100 requests per minute)',
    baseline: PEER,
    unit: 'bytes',
    better: 'lower',
    async measure({ smoke }) {
      const found = await redis();
      if (!found.ok) throw new Error(`this bench needs Redis: ${found.reason}; ${found.howToGet}`);
      const { client } = found;
      const run = `lab:bench:rate-limiting:memory:${process.pid}:${Date.now()}:`;
      const clients = smoke ? 5 : CLIENTS;
      const out: Record<string, number[]> = {};
      const fire = async (limiter: RateLimiter | RateLimiterRedis, requests: number) => {
        for (let c = 0; c < clients; c++)
          await Promise.all(Array.from({ length: requests }, () => limiter.consume(`client-${c}`)));
      };
      try {
        // Prefixes of equal length: MEMORY USAGE counts the key name, so a longer prefix would cost bytes.
        for (const [i, a] of ALGORITHMS.entries()) {
          const prefix = `${run}${i}:`;
          await fire(a.redis(client, POLICY, { prefix, now: () => T }), 10);
          out[redisLabel(a.label)] = await bytesPerClient(client, prefix, clients);
        }
        const fullPrefix = `${run}L:`;
        const slidingLog = ALGORITHMS.find((a) => a.name === 'sliding-log');
        await fire(
          slidingLog?.redis(client, POLICY, { prefix: fullPrefix, now: () => T }) as RateLimiter,
          POLICY.limit,
        );
        out[FULL_LOG] = await bytesPerClient(client, fullPrefix, clients);
        const peerPrefix = `${run}P`; // rate-limiter-flexible adds the ':' itself
        const peer = new RateLimiterRedis({
          storeClient: client,
          points: POLICY.limit,
          duration: 60,
          keyPrefix: peerPrefix,
        });
        await fire(peer, 10);
        out[PEER] = await bytesPerClient(client, `${peerPrefix}:`, clients);
      } finally {
        await deleteKeysWithPrefix(client, run);
      }
      return out;
    },
    claims: [
      ...ALGORITHMS.filter((a) => a.name !== 'sliding-log').map((a) => ({
        says: `the ${a.label} keeps a client in a constant, small string: under 1.5× rate-limiter-flexible's counter`,
        subject: redisLabel(a.label),
        below: 1.5,
      })),
      {
        says: "GCRA's one number per client costs no more than rate-limiter-flexible's counter",
        subject: redisLabel('gcra (leaky bucket)'),
        below: 1.05,
      },
      {
        says: 'a sliding log at its limit of 100 entries costs over 10× a constant-size limiter',
        subject: FULL_LOG,
        above: 10,
      },
    ],
  }),
];
