import type pg from 'pg';

/** One row of the `events` table the paging examples read. */
export interface EventRow {
  id: number;
  kind: string;
  amount: number;
}

/**
 * (Re)creates `events` in the pool's schema with `count` rows, ids 1 … count. The pool should come from
 * `postgres({ schema })`, so the unqualified table name lands in that schema.
 */
export async function seedEvents(pool: pg.Pool, count: number): Promise<void> {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`seedEvents: count must be a non-negative integer, got ${String(count)}`);
  }
  await pool.query('DROP TABLE IF EXISTS events');
  await pool.query(
    `CREATE TABLE events (
       id integer PRIMARY KEY,
       kind text NOT NULL,
       amount integer NOT NULL
     )`,
  );
  await pool.query(
    `INSERT INTO events (id, kind, amount)
     SELECT n, (ARRAY['click', 'view', 'buy'])[1 + n % 3], (n * 37) % 1000
     FROM generate_series(1, $1::integer) AS n`,
    [count],
  );
}

/** Checks a page size before any query runs, so bad input fails with a clear message. */
export function assertPageSize(pageSize: number): void {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`pageSize must be a positive integer, got ${String(pageSize)}`);
  }
}
