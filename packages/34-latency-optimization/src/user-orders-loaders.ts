import DataLoader from 'dataloader';
import type pg from 'pg';
import { Batcher } from './batcher.ts';

export interface Order {
  id: number;
  userId: number;
  totalCents: number;
  status: string;
}

export interface UserWithOrders {
  id: number;
  name: string;
  email: string;
  orders: Order[];
}

interface UserRow {
  id: number;
  name: string;
  email: string;
}

interface OrderRow {
  id: number;
  user_id: number;
  total_cents: number;
  status: string;
}

/** Anything with `load(userId)`: our `Batcher` and the `dataloader` package both fit. */
export interface OrdersLoader {
  load(userId: number): Promise<Order[]>;
}

const USERS = 'SELECT id, name, email FROM users ORDER BY id LIMIT $1';
const ORDERS_OF_USER = 'SELECT id, user_id, total_cents, status FROM orders WHERE user_id = $1 ORDER BY id';
const ORDERS_OF_USERS =
  'SELECT id, user_id, total_cents, status FROM orders WHERE user_id = ANY($1::int[]) ORDER BY user_id, id';

const toOrder = (row: OrderRow): Order => ({
  id: row.id,
  userId: row.user_id,
  totalCents: row.total_cents,
  status: row.status,
});

function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
}

async function firstUsers(pool: pg.Pool, limit: number): Promise<UserRow[]> {
  assertLimit(limit);
  return (await pool.query<UserRow>(USERS, [limit])).rows;
}

/** One query for the orders of many users, grouped per user in the order of `userIds`. */
export async function ordersOfUsers(pool: pg.Pool, userIds: readonly number[]): Promise<Order[][]> {
  const { rows } = await pool.query<OrderRow>(ORDERS_OF_USERS, [userIds]);
  const byUser = new Map<number, Order[]>();
  for (const row of rows) {
    const list = byUser.get(row.user_id);
    if (list) list.push(toOrder(row));
    else byUser.set(row.user_id, [toOrder(row)]);
  }
  return userIds.map((id) => byUser.get(id) ?? []);
}

/** N+1: the users, then one query per user. 1 + N round trips, one after the other. */
export async function loadNPlusOne(pool: pg.Pool, limit: number): Promise<UserWithOrders[]> {
  const users = await firstUsers(pool, limit);
  const result: UserWithOrders[] = [];
  for (const user of users) {
    const { rows } = await pool.query<OrderRow>(ORDERS_OF_USER, [user.id]);
    result.push({ ...user, orders: rows.map(toOrder) });
  }
  return result;
}

/**
 * N+1 with `Promise.all`: the same 1 + N queries, now concurrent. Faster, but it takes every connection
 * in the pool for one request and still pays N query costs on the server.
 */
export async function loadNPlusOneConcurrent(pool: pg.Pool, limit: number): Promise<UserWithOrders[]> {
  const users = await firstUsers(pool, limit);
  return Promise.all(
    users.map(async (user) => {
      const { rows } = await pool.query<OrderRow>(ORDERS_OF_USER, [user.id]);
      return { ...user, orders: rows.map(toOrder) };
    }),
  );
}

/**
 * One query: LIMIT the users first (a LIMIT after the join would count order rows), then aggregate each
 * user's orders into a JSON array. FILTER drops the all-NULL row a user with no orders joins to
 * (json_agg then yields NULL, not `[null]`), and COALESCE turns that NULL into `[]`.
 */
export async function loadWithJoin(pool: pg.Pool, limit: number): Promise<UserWithOrders[]> {
  assertLimit(limit);
  const { rows } = await pool.query<UserWithOrders>(
    `SELECT u.id, u.name, u.email,
            COALESCE(
              json_agg(json_build_object('id', o.id, 'userId', o.user_id, 'totalCents', o.total_cents,
                                         'status', o.status) ORDER BY o.id)
                FILTER (WHERE o.id IS NOT NULL),
              '[]'::json) AS orders
     FROM (SELECT id, name, email FROM users ORDER BY id LIMIT $1) AS u
     LEFT JOIN orders o ON o.user_id = u.id
     GROUP BY u.id, u.name, u.email
     ORDER BY u.id`,
    [limit],
  );
  return rows;
}

/** Two queries: the users, then every order of those users at once with `= ANY($1)`, grouped in JS. */
export async function loadBatched(pool: pg.Pool, limit: number): Promise<UserWithOrders[]> {
  const users = await firstUsers(pool, limit);
  const orders = await ordersOfUsers(
    pool,
    users.map((u) => u.id),
  );
  return users.map((user, i) => ({ ...user, orders: orders[i] ?? [] }));
}

/** Our batcher, its batch function being the `= ANY($1)` query. Create one per request. */
export function ordersBatcher(pool: pg.Pool, maxBatchSize = 1000): Batcher<number, Order[]> {
  return new Batcher((ids) => ordersOfUsers(pool, ids), { maxBatchSize });
}

/** The `dataloader` package doing the same job, for comparison. Also one per request (it caches per key). */
export function ordersDataLoader(pool: pg.Pool, maxBatchSize = 1000): DataLoader<number, Order[]> {
  return new DataLoader<number, Order[]>((ids) => ordersOfUsers(pool, ids), { maxBatchSize });
}

/**
 * Per-user code, as a GraphQL resolver or a service method would write it (`loader.load(user.id)` for
 * each user), yet 2 queries: the loader collects the N loads made in one tick into one batch.
 */
export async function loadWithLoader(
  pool: pg.Pool,
  limit: number,
  loader: OrdersLoader = ordersBatcher(pool),
): Promise<UserWithOrders[]> {
  const users = await firstUsers(pool, limit);
  return Promise.all(users.map(async (user) => ({ ...user, orders: await loader.load(user.id) })));
}

/** The strategies by name, in the order the demo and the bench show them. */
export const strategies = {
  'N+1 (sequential)': loadNPlusOne,
  'N+1 (Promise.all)': loadNPlusOneConcurrent,
  'JOIN + json_agg': loadWithJoin,
  'batched = ANY($1)': loadBatched,
  'batcher (ours)': (pool: pg.Pool, limit: number) => loadWithLoader(pool, limit),
  'dataloader (package)': (pool: pg.Pool, limit: number) =>
    loadWithLoader(pool, limit, ordersDataLoader(pool)),
} as const;
