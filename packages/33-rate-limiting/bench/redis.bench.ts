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
        says: 'one at a time, a fixed-window decision (an INCR, and a PEXPIRE for a new key) costs within 20% of a bare EVALSHA',
        subject: fixedWindow,
        below: 1.2,
      },
      {
        says: 'one at a time, a token-bucket decision (a GET and a SET … PX) costs within 35% of a bare EVALSHA',
        subject: tokenBucket,
        below: 1.35,
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
        says: `${BATCH} in flight, the fixed window sustains at least 90% of bare EVALSHA's decisions per second`,
        subject: fixedWindow,
        above: 0.9,
      },
      {
        says: `${BATCH} in flight, the token bucket sustains at least 80% of bare EVALSHA's decisions per second`,
        subject: tokenBucket,
        above: 0.8,
      },
      {
        says: `${BATCH} in flight, rate-limiter-flexible's RateLimiterRedis stays under 90% of bare EVALSHA's rate`,
        subject: PEER,
        below: 0.9,
      },
      ...ALGORITHMS.filter((a) => a.name !== 'sliding-log').map((a) => ({
        says: `${BATCH} in flight, the ${a.label} on Redis decides faster than rate-limiter-flexible's RateLimiterRedis`,
        subject: redisLabel(a.label),
        against: PEER,
        above: 1,
      })),
      {
        says: `${BATCH} in flight, the sliding log (four sorted-set calls per decision) keeps at least 80% of RateLimiterRedis's rate`,
        subject: redisLabel('sliding log'),
        against: PEER,
        above: 0.8,
      },
    ],
  }),
];
