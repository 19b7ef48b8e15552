import { randomUUID } from 'node:crypto';
import { measureBench, timeBench } from '@lab/common/bench';
import { postgres, redis, resetSchema } from '@lab/common/services';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { CacheAside } from '../src/cache-aside.ts';
import { type CacheStore, memoryStore, redisStore } from '../src/cache-store.ts';
import { loadWithJoin, type UserWithOrders } from '../src/user-orders-loaders.ts';
import { createUsersAndOrders } from '../src/users-orders-schema.ts';

const SCHEMA = 'lat34_bench_cache';
const PREFIX = `lat34:bench:${randomUUID()}:`;
const KEY = 'users-page:1';
const PAGE = 100;

let pool: pg.Pool | undefined;
let client: Redis | undefined;
let inProcess: CacheStore<UserWithOrders[]> | undefined;
let shared: CacheStore<UserWithOrders[]> | undefined;
const ready = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('setup did not run');
  return value;
};

/** Origin calls made by 100 concurrent requests for one cold key. */
async function stampede(singleFlight: boolean): Promise<number> {
  let calls = 0;
  const cache = new CacheAside<string>({
    store: memoryStore<string>(),
    ttlMs: 60_000,
    singleFlight,
    load: async () => {
      calls++;
      // Stands in for a slow query: long enough that every request misses before the first one fills.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 'page';
    },
  });
  await Promise.all(Array.from({ length: 100 }, () => cache.get('hot')));
  return calls;
}

export default [
  timeBench({
    title: `Reading a page of ${PAGE} users with their orders: cache hit vs miss`,
    baseline: 'miss: PostgreSQL query',
    setup: async () => {
      pool = await postgres({ schema: SCHEMA, max: 2 });
      await resetSchema(pool, SCHEMA);
      await createUsersAndOrders(pool, { users: PAGE, ordersPerUser: 10 });
      const r = await redis();
      if (!r.ok) throw new Error(`this bench needs Redis: ${r.reason}; ${r.howToGet}`);
      client = r.client;
      const page = await loadWithJoin(pool, PAGE);
      inProcess = memoryStore<UserWithOrders[]>();
      shared = redisStore<UserWithOrders[]>(client, { prefix: PREFIX });
      await inProcess.set(KEY, page, 600_000);
      await shared.set(KEY, page, 600_000);
    },
    teardown: async () => {
      await ready(client).del(PREFIX + KEY);
      await ready(pool).query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    },
    tasks: {
      'miss: PostgreSQL query': async () => {
        await loadWithJoin(ready(pool), PAGE);
      },
      'hit: Redis (GET + JSON.parse)': async () => {
        if (!(await ready(shared).get(KEY))) throw new Error('expected a Redis hit');
      },
      'hit: in-process': async () => {
        if (!(await ready(inProcess).get(KEY))) throw new Error('expected an in-process hit');
      },
    },
    claims: [
      {
        says: 'a Redis hit costs under half of the query it replaces',
        subject: 'hit: Redis (GET + JSON.parse)',
        below: 0.5,
        seed: 'Redis caching: "50-500ms saved per cache hit"',
      },
      {
        says: 'an in-process hit is at least 100× cheaper than a Redis hit (no round trip, no parse)',
        subject: 'hit: in-process',
        against: 'hit: Redis (GET + JSON.parse)',
        below: 0.01,
      },
    ],
  }),
  measureBench({
    title: 'Cache stampede: origin calls made by 100 concurrent misses on one key',
    baseline: 'no protection',
    unit: 'origin calls',
    better: 'lower',
    measure: async ({ smoke }) => {
      const runs = smoke ? 1 : 5;
      const without: number[] = [];
      const withFlight: number[] = [];
      for (let i = 0; i < runs; i++) {
        without.push(await stampede(false));
        withFlight.push(await stampede(true));
      }
      return { 'no protection': without, 'single-flight': withFlight };
    },
    claims: [
      {
        says: 'single-flight turns 100 concurrent misses into 1 origin call',
        subject: 'single-flight',
        below: 0.02,
      },
    ],
  }),
];
