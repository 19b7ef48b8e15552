import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainAnalyze, explainOrdersOfUser } from '../src/explain.ts';
import { createUsersAndOrders } from '../src/users-orders-schema.ts';

const SCHEMA = testSchema(import.meta.url);

let pool: pg.Pool;
beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 2 });
  await resetSchema(pool, SCHEMA);
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
});

/**
 * A pool that answers the JSON EXPLAIN with `plan` and the text EXPLAIN with two lines: the plan shapes a
 * small test table rarely produces (a bitmap scan, filtered rows) are pinned without tuning the planner.
 */
function scriptedPool(plan: unknown[]) {
  const query = async (sql: string) =>
    sql.includes('FORMAT JSON')
      ? { rows: plan.length === 0 ? [] : [{ 'QUERY PLAN': plan }] }
      : { rows: [{ 'QUERY PLAN': 'line 1' }, { 'QUERY PLAN': 'line 2' }] };
  return { query } as unknown as pg.Pool;
}

describe('explainAnalyze', () => {
  it('reads the scan of the table, the index of a bitmap scan below it, and the filtered rows', async () => {
    const pool = scriptedPool([
      {
        'Execution Time': 1.5,
        Plan: {
          'Node Type': 'Bitmap Heap Scan',
          'Relation Name': 'orders',
          'Rows Removed by Filter': 42,
          'Actual Rows': 7,
          Plans: [{ 'Node Type': 'Bitmap Index Scan', 'Index Name': 'orders_user_id_idx' }],
        },
      },
    ]);
    expect(await explainAnalyze(pool, 'SELECT 1', [], 'orders')).toEqual({
      scan: 'Bitmap Heap Scan',
      index: 'orders_user_id_idx',
      rowsRemovedByFilter: 42,
      rowsReturned: 7,
      executionMs: 1.5,
      text: ['line 1', 'line 2'],
    });
  });

  it("an index scan's own index is reported", async () => {
    const pool = scriptedPool([
      {
        'Execution Time': 0.2,
        Plan: { 'Node Type': 'Index Scan', 'Relation Name': 't', 'Index Name': 't_pkey' },
      },
    ]);
    expect(await explainAnalyze(pool, 'SELECT 1', [], 't')).toMatchObject({
      scan: 'Index Scan',
      index: 't_pkey',
    });
  });

  it('a scan without filter or row counts reports zeros and no index', async () => {
    const pool = scriptedPool([
      { 'Execution Time': 0.1, Plan: { 'Node Type': 'Seq Scan', 'Relation Name': 't' } },
    ]);
    expect(await explainAnalyze(pool, 'SELECT 1', [], 't')).toMatchObject({
      scan: 'Seq Scan',
      index: undefined,
      rowsRemovedByFilter: 0,
      rowsReturned: 0,
    });
  });

  it('an empty EXPLAIN answer is an error saying so', async () => {
    await expect(explainAnalyze(scriptedPool([]), 'SELECT 1', [], 'orders')).rejects.toThrow(
      new Error('EXPLAIN returned no plan'),
    );
  });

  it('a query that does not read the table is an error naming the table (real PostgreSQL)', async () => {
    await expect(explainAnalyze(pool, 'SELECT 1', [], 'orders')).rejects.toThrow(
      new Error('the plan does not read table "orders"'),
    );
  });
});

describe('createUsersAndOrders', () => {
  const indexes = async () =>
    (
      await pool.query<{ indexname: string }>(
        'SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname',
        [SCHEMA, 'orders'],
      )
    ).rows.map((r) => r.indexname);

  it('seeds users, and ordersPerUser orders for the first usersWithOrders of them only; indexed and analyzed', async () => {
    await createUsersAndOrders(pool, { users: 3, ordersPerUser: 2, usersWithOrders: 2 });
    const users = await pool.query('SELECT id, name, email FROM users ORDER BY id');
    expect(users.rows).toEqual([
      { id: 1, name: 'user 1', email: 'user1@example.test' },
      { id: 2, name: 'user 2', email: 'user2@example.test' },
      { id: 3, name: 'user 3', email: 'user3@example.test' },
    ]);
    const orders = await pool.query<{ user_id: number; n: number }>(
      'SELECT user_id, count(*)::int AS n FROM orders GROUP BY user_id ORDER BY user_id',
    );
    expect(orders.rows).toEqual([
      { user_id: 1, n: 2 },
      { user_id: 2, n: 2 },
    ]);
    expect(await indexes()).toEqual(['orders_pkey', 'orders_user_id_idx']);
    // ANALYZE ran: the planner's row estimate is the real count, not "never analyzed" (-1).
    const stats = await pool.query<{ reltuples: number }>(
      `SELECT reltuples FROM pg_class WHERE oid = '${SCHEMA}.users'::regclass`,
    );
    expect(stats.rows[0]?.reltuples).toBe(3);
  });

  it('index: false leaves orders(user_id) unindexed; zero counts are allowed', async () => {
    await createUsersAndOrders(pool, { users: 0, ordersPerUser: 0, index: false });
    expect(await indexes()).toEqual(['orders_pkey']);
    expect(await explainOrdersOfUser(pool, 1)).toMatchObject({ scan: 'Seq Scan', rowsReturned: 0 });
  });

  it('usersWithOrders above users is capped at users (orders only for users that exist)', async () => {
    await createUsersAndOrders(pool, { users: 2, ordersPerUser: 1, usersWithOrders: 5 });
    const { rows } = await pool.query<{ user_id: number }>('SELECT user_id FROM orders ORDER BY user_id');
    expect(rows.map((r) => r.user_id)).toEqual([1, 2]);
  });
});
