/**
 * Redis-backed decisions: ours, rate-limiter-flexible's RateLimiterRedis, and the ceiling — one EVALSHA of a
 * script that does nothing — on the same client, the same Redis, in the same run.
 *
 * Both benches interleave: each round runs a slice of every contender, in rotated order, so that load from
 * elsewhere on a shared 2-core machine falls on all contenders alike instead of on whoever ran at that moment.
 */
import { measureBench } from '@lab/common/bench';
import { ALGORITHMS } from '../src/index.ts';
import { CEILING, PEER, redisLabel, rotatingRounds } from './_redis-contenders.ts';

const BATCH = 64;

const fixedWindow = redisLabel('fixed window');
const tokenBucket = redisLabel('token bucket');

export default [
  measureBench({
    title: 'Redis, one decision at a time: latency per decision (10 000 keys)',
    baseline: CEILING,
    unit: 'ms',
    better: 'lower',
    async measure({ smoke }) {
      const perRound = smoke ? 10 : 150;
      return rotatingRounds(
        'sequential',
        { rounds: smoke ? 2 : 40, keysPerRound: perRound },
        async (c, keyAt, out) => {
          for (let i = 0; i < perRound; i++) {
            const t0 = performance.now();
            await c.decide(keyAt(i));
            out.push(performance.now() - t0);
          }
        },
      );
    },
    claims: [
      {
        // One round trip either way; what differs is the script's work inside Redis, a few µs. Its share
        // depends on the loopback round trip: ~80 µs on one 2-core machine (ratio 1.14), ~20 µs on another
        // (1.32). What holds on both is "one round trip": two would cost 2× a bare EVALSHA.
        says: 'one at a time, a fixed-window decision (an INCR, and a PEXPIRE for a new key, in one script) costs under 2× a bare EVALSHA: one round trip, plus script work whose share depends on the round trip',
        subject: fixedWindow,
        below: 2,
      },
      {
        // 1.28 with an ~80 µs round trip, 1.57 with a ~20 µs one: the same reasoning as the fixed window.
        says: 'one at a time, a token-bucket decision (a GET and a SET … PX, in one script) costs under 2× a bare EVALSHA: one round trip, plus script work whose share depends on the round trip',
        subject: tokenBucket,
        below: 2,
      },
      {
        says: "one at a time, the fixed window answers faster than rate-limiter-flexible's RateLimiterRedis",
        subject: fixedWindow,
        against: PEER,
        below: 1,
      },
    ],
  }),

  measureBench({
    title: `Redis, ${BATCH} decisions in flight (one connection pipelines them): decisions per second`,
    baseline: CEILING,
    unit: 'decisions/s',
    better: 'higher',
    async measure({ smoke }) {
      const batches = smoke ? 1 : 8;
      const rounds = smoke ? 2 : 40;
      return rotatingRounds(
        'concurrent',
        { rounds, keysPerRound: batches * BATCH },
        async (c, keyAt, out) => {
          for (let b = 0; b < batches; b++) {
            const batch = Array.from({ length: BATCH }, (_, j) => keyAt(b * BATCH + j));
            const t0 = performance.now();
            await Promise.all(batch.map((key) => c.decide(key)));
            out.push((BATCH * 1000) / (performance.now() - t0));
          }
        },
      );
    },
    claims: [
      {
        // With 64 in flight the round trip is shared, so the rate is set by CPU: ioredis in this process and
        // the script inside Redis, on the same two cores. How much the script's own work shows depends on
        // how those cores are shared: 0.98 on one 2-core machine, 0.77 on another under heavy load.
        says: `${BATCH} in flight, the fixed window sustains at least 60% of bare EVALSHA's decisions per second (on one connection, where CPU, not the round trip, sets the rate)`,
        subject: fixedWindow,
        above: 0.6,
      },
      {
        // 0.86, 0.74 and 0.56 on three 2-core machines (same Node, same Redis): the script's GET, SET and
        // arithmetic are a larger share of each decision once the round trip is shared, and how large depends
        // on how Redis and this process share the cores. At least 40%: the script never costs 1.5 round trips.
        says: `${BATCH} in flight, the token bucket sustains at least 40% of bare EVALSHA's decisions per second: its script's work shows once the round trip is shared, by how much depends on the CPU`,
        subject: tokenBucket,
        above: 0.4,
      },
      {
        says: `${BATCH} in flight, rate-limiter-flexible's RateLimiterRedis stays under 90% of bare EVALSHA's rate`,
        subject: PEER,
        below: 0.9,
      },
      // "Faster" at a bound of 1 passed by 10% for two of them (1.10, 1.11): one script against the peer's
      // heavier JavaScript is an edge, not a margin noise cannot erase. Claimed: no slower, within 10%.
      ...ALGORITHMS.filter((a) => a.name !== 'sliding-log').map((a) => ({
        says: `${BATCH} in flight, the ${a.label} on Redis keeps at least 90% of rate-limiter-flexible's RateLimiterRedis rate (usually ahead of it)`,
        subject: redisLabel(a.label),
        against: PEER,
        above: 0.9,
      })),
      {
        says: `${BATCH} in flight, the sliding log (four sorted-set calls per decision) keeps at least 70% of RateLimiterRedis's rate`,
        subject: redisLabel('sliding log'),
        against: PEER,
        above: 0.7,
      },
    ],
  }),
];
