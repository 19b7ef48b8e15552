/**
 * SQL for users and orders. Rows come back whole, internal columns included: other code (login, review
 * queues) needs them. What the API shows is decided by the response schemas, not here.
 */
import type pg from 'pg';
import type { Role } from './schemas.ts';

/** A `users` row as node-postgres returns it. */
export interface UserRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  password_hash: string;
  flagged_for_review: boolean;
  created_at: Date;
  updated_at: Date;
}

/** An `orders` row as node-postgres returns it. */
export interface OrderRow {
  id: number;
  user_id: number;
  status: 'pending' | 'paid' | 'shipped' | 'cancelled';
  total_cents: number;
  currency: string;
  processor_ref: string | null;
  created_at: Date;
}

export interface Page<T> {
  items: T[];
  total: number;
}

const USER_COLUMNS = 'id, name, email, role, password_hash, flagged_for_review, created_at, updated_at';
const ORDER_COLUMNS = 'id, user_id, status, total_cents, currency, processor_ref, created_at';

/** The single-user lookup; the bench's bare baselines run this same text. */
export const SELECT_USER_BY_ID = `SELECT ${USER_COLUMNS} FROM users WHERE id = $1`;

export async function findUser(pool: pg.Pool, id: number): Promise<UserRow | undefined> {
  const { rows } = await pool.query<UserRow>(SELECT_USER_BY_ID, [id]);
  return rows[0];
}

/**
 * One page and the total in one statement: one round trip, and one snapshot, so `total` and `items` agree
 * even while rows are inserted. The LEFT JOIN keeps a row (with a null id) when the page is past the end,
 * so the total still arrives.
 */
export async function listUsers(
  pool: pg.Pool,
  { page, pageSize, role }: { page: number; pageSize: number; role: Role | undefined },
): Promise<Page<UserRow>> {
  const { rows } = await pool.query<UserRow & { total: number }>(
    `SELECT t.total, u.*
     FROM (SELECT count(*)::int AS total FROM users WHERE $1::text IS NULL OR role = $1) AS t
     LEFT JOIN LATERAL (
       SELECT ${USER_COLUMNS} FROM users
       WHERE $1::text IS NULL OR role = $1
       ORDER BY id LIMIT $2 OFFSET $3
     ) AS u ON true`,
    [role ?? null, pageSize, (page - 1) * pageSize],
  );
  return pageOf(rows);
}

/**
 * Inserts and returns the row. No "does this email exist?" query first: two requests could both pass it.
 * The unique index decides, and its violation becomes a 409.
 */
export async function insertUser(
  pool: pg.Pool,
  user: { name: string; email: string; role: Role; passwordHash: string },
): Promise<UserRow> {
  const { rows } = await pool.query<UserRow>(
    `INSERT INTO users (name, email, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING ${USER_COLUMNS}`,
    [user.name, user.email, user.role, user.passwordHash],
  );
  return rows[0]!;
}

/** PUT: every writable column is set from the request. `undefined` when there is no such user. */
export async function replaceUser(
  pool: pg.Pool,
  id: number,
  user: { name: string; email: string; role: Role },
): Promise<UserRow | undefined> {
  const { rows } = await pool.query<UserRow>(
    `UPDATE users SET name = $2, email = $3, role = $4, updated_at = now()
     WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [id, user.name, user.email, user.role],
  );
  return rows[0];
}

/**
 * PATCH: only the columns that were sent change. COALESCE works because none of them is nullable; a
 * nullable column would need a separate "was it sent" flag, since null would then be a real value.
 */
export async function patchUser(
  pool: pg.Pool,
  id: number,
  patch: { name?: string | undefined; email?: string | undefined; role?: Role | undefined },
): Promise<UserRow | undefined> {
  const { rows } = await pool.query<UserRow>(
    `UPDATE users SET name = COALESCE($2, name), email = COALESCE($3, email), role = COALESCE($4, role),
            updated_at = now()
     WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [id, patch.name ?? null, patch.email ?? null, patch.role ?? null],
  );
  return rows[0];
}

/** `false` when there was no such user. A user with orders raises a foreign-key violation (a 409). */
export async function deleteUser(pool: pg.Pool, id: number): Promise<boolean> {
  const result = await pool.query('DELETE FROM users WHERE id = $1', [id]);
  return result.rowCount === 1;
}

/**
 * A page of one user's orders, or `undefined` when the user does not exist: an empty list and a missing
 * user are different answers (200 with no items vs 404). Same one-statement shape as `listUsers`.
 */
export async function listOrders(
  pool: pg.Pool,
  userId: number,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<Page<OrderRow> | undefined> {
  const { rows } = await pool.query<OrderRow & { total: number }>(
    `SELECT (SELECT count(*)::int FROM orders WHERE user_id = users.id) AS total, o.*
     FROM users
     LEFT JOIN LATERAL (
       SELECT ${ORDER_COLUMNS} FROM orders
       WHERE user_id = users.id
       ORDER BY id LIMIT $2 OFFSET $3
     ) AS o ON true
     WHERE users.id = $1`,
    [userId, pageSize, (page - 1) * pageSize],
  );
  return rows.length === 0 ? undefined : pageOf(rows);
}

function pageOf<T extends { id: number | null; total: number }>(rows: T[]): Page<Omit<T, 'total'>> {
  const total = rows[0]?.total ?? 0;
  const items = rows.filter((row) => row.id !== null).map(({ total: _, ...row }) => row);
  return { items, total };
}
