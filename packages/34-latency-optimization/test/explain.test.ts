import { testPostgres } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainAnalyze } from '../src/explain.ts';

let pool: pg.Pool;
beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 2 });
});
afterAll(async () => {
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
