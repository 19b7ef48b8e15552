import type pg from 'pg';

export interface SeedOptions {
  users: number;
  ordersPerUser: number;
  /**
   * Users with ids above this get no orders at all: the edge case every loading strategy must get right
   * (a LEFT JOIN that forgets it returns `[null]` instead of `[]`).
   */
  usersWithOrders?: number;
  /** Create the index on orders(user_id). Default true; the EXPLAIN section drops it to show the difference. */
  index?: boolean;
}

const STATUSES = ['placed', 'paid', 'shipped', 'delivered'];

/**
 * Creates `users` and `orders` in the pool's schema (its search_path) and fills them. PostgreSQL indexes
 * primary keys and unique/exclusion constraints, but never a foreign key column by itself: without `index`, orders.user_id has none.
 */
export async function createUsersAndOrders(pool: pg.Pool, options: SeedOptions): Promise<void> {
  const { users, ordersPerUser, usersWithOrders = users, index = true } = options;
  for (const [name, value] of Object.entries({ users, ordersPerUser, usersWithOrders }))
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be an integer ≥ 0`);
  await pool.query(`
    DROP TABLE IF EXISTS orders;
    DROP TABLE IF EXISTS users;
    CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text NOT NULL);
    CREATE TABLE orders (
      id integer PRIMARY KEY,
      user_id integer NOT NULL REFERENCES users (id),
      total_cents integer NOT NULL,
      status text NOT NULL
    );`);
  await pool.query(
    `INSERT INTO users (id, name, email)
     SELECT i, 'user ' || i, 'user' || i || '@example.test' FROM generate_series(1, $1::int) AS i`,
    [users],
  );
  // Orders are interleaved (order 1 of every user, then order 2 of every user...) as they would be in a
  // real table filled over time: one user's orders are spread over the whole heap, not in one block.
  await pool.query(
    `INSERT INTO orders (id, user_id, total_cents, status)
     SELECT (n - 1) * $1::int + u, u, 100 + (u * 37 + n * 101) % 9900, ($3::text[])[1 + (u + n) % 4]
     FROM generate_series(1, $2::int) AS n, generate_series(1, $1::int) AS u`,
    [Math.min(usersWithOrders, users), ordersPerUser, STATUSES],
  );
  if (index) await addOrdersUserIndex(pool);
  await pool.query('ANALYZE users; ANALYZE orders');
}

/** The index the N+1 query (and every batched variant) needs. ANALYZE so the planner knows the table. */
export async function addOrdersUserIndex(pool: pg.Pool): Promise<void> {
  await pool.query('CREATE INDEX IF NOT EXISTS orders_user_id_idx ON orders (user_id); ANALYZE orders');
}

export async function dropOrdersUserIndex(pool: pg.Pool): Promise<void> {
  await pool.query('DROP INDEX IF EXISTS orders_user_id_idx; ANALYZE orders');
}
