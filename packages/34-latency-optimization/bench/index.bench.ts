import { performance } from 'node:perf_hooks';
import { measureBench } from '@lab/common/bench';
import { postgres, resetSchema } from '@lab/common/services';
import type pg from 'pg';
import { addOrdersUserIndex, createUsersAndOrders, dropOrdersUserIndex } from '../src/users-orders-schema.ts';

const SCHEMA = 'lat34_bench_index';
const USERS = 10_000;
const ORDERS_PER_USER = 10;
const QUERY = 'SELECT id, user_id, total_cents, status FROM orders WHERE user_id = $1 ORDER BY id';

/** Client-side milliseconds of `count` lookups of one user's orders, spread over the users. */
async function timeLookups(pool: pg.Pool, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const userId = 1 + ((i * 7919) % USERS);
    const start = performance.now();
    const { rowCount } = await pool.query(QUERY, [userId]);
    samples.push(performance.now() - start);
    if (rowCount !== ORDERS_PER_USER) throw new Error(`user ${userId}: ${rowCount} orders`);
  }
  return samples;
}

export default [
  measureBench({
    title: `One user's orders out of ${(USERS * ORDERS_PER_USER).toLocaleString('en-US')} (the query N+1 repeats)`,
    baseline: 'no index (Seq Scan)',
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) => {
      const pool = await postgres({ schema: SCHEMA, max: 2 });
      await resetSchema(pool, SCHEMA);
      try {
        await createUsersAndOrders(pool, { users: USERS, ordersPerUser: ORDERS_PER_USER, index: false });
        const count = smoke ? 5 : 200;
        await timeLookups(pool, 3); // warm the connection and the buffer cache
        const seqScan = await timeLookups(pool, count);
        await addOrdersUserIndex(pool);
        await timeLookups(pool, 3);
        const indexed = await timeLookups(pool, count);
        await dropOrdersUserIndex(pool);
        return { 'no index (Seq Scan)': seqScan, 'index on orders(user_id)': indexed };
      } finally {
        await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      }
    },
    claims: [
      {
        says: 'an index on orders(user_id) makes the per-user lookup at least 10× faster',
        subject: 'index on orders(user_id)',
        below: 0.1,
        seed: 'Add database indexes: "10-100x for queries"',
      },
    ],
  }),
];
