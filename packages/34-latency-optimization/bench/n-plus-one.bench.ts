import { interleaved, measureBench } from '@lab/common/bench';
import { postgres, resetSchema } from '@lab/common/services';
import { strategies } from '../src/user-orders-loaders.ts';
import { createUsersAndOrders } from '../src/users-orders-schema.ts';

const SCHEMA = 'lat34_bench_n_plus_one';
const USERS = 100;
const SEED = 'N+1 query elimination: "10-100x for list endpoints"';

// "batcher (ours)" and "dataloader (package)" send the same two queries (the tests count them), so on this
// path their difference is noise; their own cost is compared in batcher.bench.ts, without a database.

export default [
  measureBench({
    title: `Users with their orders (${USERS} users × 10 orders, index on orders.user_id, loopback PostgreSQL)`,
    baseline: 'N+1 (sequential)',
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) => {
      const pool = await postgres({ schema: SCHEMA, max: 10 });
      await resetSchema(pool, SCHEMA);
      try {
        await createUsersAndOrders(pool, { users: USERS, ordersPerUser: 10 });
        const tasks = Object.fromEntries(
          Object.entries(strategies).map(([name, load]) => [name, () => load(pool, USERS)]),
        );
        return await interleaved(tasks, { rounds: smoke ? 2 : 25, warmupRounds: smoke ? 1 : 3 });
      } finally {
        await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      }
    },
    claims: [
      {
        says: 'one JOIN + json_agg query is at least 4× faster than N+1, even on loopback',
        subject: 'JOIN + json_agg',
        below: 0.25,
        seed: SEED,
      },
      {
        says: 'two queries with = ANY($1) are at least 5× faster than N+1, even on loopback',
        subject: 'batched = ANY($1)',
        below: 0.2,
        seed: SEED,
      },
      {
        says: 'running the N+1 queries concurrently (Promise.all) is still at least 2× slower than batching',
        subject: 'batched = ANY($1)',
        against: 'N+1 (Promise.all)',
        below: 0.5,
      },
    ],
  }),
];
