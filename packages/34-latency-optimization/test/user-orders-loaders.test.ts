import { queryStats, resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainOrdersOfUser } from '../src/explain.ts';
import {
  loadBatched,
  loadNPlusOne,
  loadNPlusOneConcurrent,
  loadWithJoin,
  loadWithLoader,
  ordersBatcher,
  ordersDataLoader,
  type UserWithOrders,
} from '../src/user-orders-loaders.ts';
import { addOrdersUserIndex, createUsersAndOrders, dropOrdersUserIndex } from '../src/users-orders-schema.ts';

const SCHEMA = testSchema(import.meta.url);
const USERS = 2_000;
const ORDERS_PER_USER = 10;
// Users 96-100 (inside the first page of 100) have no orders: the case a careless JOIN gets wrong.
const USERS_WITH_ORDERS = 95;
const PAGE = 100;

let pool: pg.Pool;
beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 10 });
  await resetSchema(pool, SCHEMA);
  await createUsersAndOrders(pool, {
    users: USERS,
    ordersPerUser: ORDERS_PER_USER,
    usersWithOrders: USERS_WITH_ORDERS,
  });
  // Orders for users beyond the first page: a table big enough that scanning all of it shows in the plan.
  await pool.query(
    `INSERT INTO orders (id, user_id, total_cents, status)
     SELECT 1000000 + i, 101 + i % 1900, 500, 'paid' FROM generate_series(1, 20000) AS i;
     ANALYZE orders`,
  );
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
});

/** Runs `load` and returns its result with the number of queries the pool ran meanwhile. */
async function counted(load: () => Promise<UserWithOrders[]>) {
  const stats = queryStats(pool);
  stats.reset();
  const users = await load();
  return { users, queries: stats.count, texts: [...stats.texts] };
}

describe('users with their orders, four ways (and two more)', () => {
  it('N+1 issues 1 + N queries', async () => {
    const { users, queries } = await counted(() => loadNPlusOne(pool, PAGE));
    expect(users).toHaveLength(PAGE);
    expect(queries).toBe(1 + PAGE);
  });

  it('N+1 with Promise.all still issues 1 + N queries (concurrency does not remove them)', async () => {
    expect((await counted(() => loadNPlusOneConcurrent(pool, PAGE))).queries).toBe(1 + PAGE);
  });

  it('JOIN + json_agg issues 1 query', async () => {
    expect((await counted(() => loadWithJoin(pool, PAGE))).queries).toBe(1);
  });

  it('batched = ANY($1) issues 2 queries', async () => {
    const { queries, texts } = await counted(() => loadBatched(pool, PAGE));
    expect(queries).toBe(2);
    expect(texts[1]).toContain('= ANY($1::int[])');
  });

  it('our batcher turns 100 per-user load() calls into 2 queries', async () => {
    expect((await counted(() => loadWithLoader(pool, PAGE))).queries).toBe(2);
  });

  it('the dataloader package does the same: 2 queries', async () => {
    expect((await counted(() => loadWithLoader(pool, PAGE, ordersDataLoader(pool)))).queries).toBe(2);
  });

  it('a batcher with maxBatchSize 40 sends the 100 keys as 3 batches: 1 + 3 queries', async () => {
    expect((await counted(() => loadWithLoader(pool, PAGE, ordersBatcher(pool, 40)))).queries).toBe(4);
  });

  it('the dataloader package honours maxBatchSize too: 40 → 1 + 3 queries', async () => {
    expect((await counted(() => loadWithLoader(pool, PAGE, ordersDataLoader(pool, 40)))).queries).toBe(4);
  });

  it('all strategies return identical results, users without orders included', async () => {
    const reference = await loadNPlusOne(pool, PAGE);
    expect(reference.map((u) => u.id)).toEqual(Array.from({ length: PAGE }, (_, i) => i + 1));
    expect(reference[0]?.orders).toHaveLength(ORDERS_PER_USER);
    expect(reference[0]?.orders[0]).toEqual({
      id: 1,
      userId: 1,
      totalCents: expect.any(Number),
      status: expect.any(String),
    });
    expect(reference.slice(USERS_WITH_ORDERS).map((u) => u.orders)).toEqual([[], [], [], [], []]);
    for (const load of [
      loadNPlusOneConcurrent,
      loadWithJoin,
      loadBatched,
      (p: pg.Pool, n: number) => loadWithLoader(p, n),
      (p: pg.Pool, n: number) => loadWithLoader(p, n, ordersDataLoader(p)),
    ])
      expect(await load(pool, PAGE)).toEqual(reference);
  });

  it('rejects a limit that is not a positive integer', async () => {
    await expect(loadWithJoin(pool, 0)).rejects.toThrow(RangeError);
    await expect(loadBatched(pool, 1.5)).rejects.toThrow(
      new RangeError('limit must be a positive integer, got 1.5'),
    );
  });

  it('a limit of 1 is the smallest page', async () => {
    expect((await loadBatched(pool, 1)).map((u) => u.id)).toEqual([1]);
  });

  it('seeding rejects a negative or fractional count, naming it', async () => {
    await expect(createUsersAndOrders(pool, { users: -1, ordersPerUser: 1 })).rejects.toThrow(
      new RangeError('users must be an integer ≥ 0'),
    );
  });
});

describe('the index on orders(user_id), seen through EXPLAIN ANALYZE', () => {
  it('without it the per-user query scans the whole table; with it (and ANALYZE) it uses the index', async () => {
    await dropOrdersUserIndex(pool);
    const before = await explainOrdersOfUser(pool, 42);
    await addOrdersUserIndex(pool);
    const after = await explainOrdersOfUser(pool, 42);

    expect(before.scan).toMatch(/Seq Scan/);
    expect(before.index).toBeUndefined();
    expect(before.rowsReturned).toBe(ORDERS_PER_USER);
    expect(before.rowsRemovedByFilter).toBeGreaterThan(20_000);

    expect(['Index Scan', 'Bitmap Heap Scan', 'Index Only Scan']).toContain(after.scan);
    expect(after.index).toBe('orders_user_id_idx');
    expect(after.rowsReturned).toBe(ORDERS_PER_USER);
    expect(after.rowsRemovedByFilter).toBe(0);
    expect(after.text.join('\n')).toContain('orders_user_id_idx');
  });
});
