/**
 * The users table behind the app. It holds what a response must never carry (password_hash) and what a
 * client must never set (role, is_admin): the two ends of mass assignment and data exposure.
 */
import type pg from 'pg';
import type { UserPatch } from './schemas.ts';

/** A row as the database has it, every column. */
export interface UserRow {
  id: number;
  email: string;
  display_name: string;
  role: string;
  is_admin: boolean;
  password_hash: string;
  preferences: Record<string, unknown>;
  created_at: Date;
}

export async function createUsersTable(pool: pg.Pool): Promise<void> {
  await pool.query(`
    DROP TABLE IF EXISTS users;
    CREATE TABLE users (
      id            integer PRIMARY KEY,
      email         text NOT NULL UNIQUE,
      display_name  text NOT NULL,
      role          text NOT NULL DEFAULT 'member',
      is_admin      boolean NOT NULL DEFAULT false,
      password_hash text NOT NULL,
      preferences   jsonb NOT NULL DEFAULT '{}',
      created_at    timestamptz NOT NULL
    )`);
}

const SEED = [
  ['ada@example.test', 'Ada', 'admin', true],
  ['grace@example.test', 'Grace', 'member', false],
  ['linus@example.test', 'Linus', 'member', false],
  ['margaret@example.test', 'Margaret', 'member', false],
] as const;

/** Four users, ids 1-4, joined a day apart; hashes stand in for real scrypt/argon2 output. */
export async function seedUsers(pool: pg.Pool): Promise<void> {
  await pool.query(
    `INSERT INTO users (id, email, display_name, role, is_admin, password_hash, created_at)
     SELECT i, e, d, r, a, 'scrypt$' || md5(e), timestamptz '2026-01-01' + (i - 1) * interval '1 day'
     FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[]) WITH ORDINALITY AS u(e, d, r, a, i)`,
    [SEED.map((u) => u[0]), SEED.map((u) => u[1]), SEED.map((u) => u[2]), SEED.map((u) => u[3])],
  );
}

/** `SELECT *` on purpose: the row carries every column, and only the response schema decides what leaves. */
export async function getUserRow(pool: pg.Pool, id: number): Promise<UserRow | undefined> {
  const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0];
}

/** `orderBy` comes from `sortAllowlist(...).parse()`, never from a request directly. */
export async function listUserRows(pool: pg.Pool, orderBy: string, limit: number): Promise<UserRow[]> {
  const { rows } = await pool.query<UserRow>(`SELECT * FROM users ORDER BY ${orderBy} LIMIT $1`, [limit]);
  return rows;
}

// The only columns a PATCH can reach: the map is the allowlist, the schema made sure nothing else arrived.
const PATCH_COLUMNS: Record<keyof UserPatch, string> = { displayName: 'display_name', email: 'email' };

export async function updateUser(pool: pg.Pool, id: number, patch: UserPatch): Promise<UserRow | undefined> {
  const fields = (Object.keys(PATCH_COLUMNS) as Array<keyof UserPatch>).filter((f) => patch[f] !== undefined);
  const sets = fields.map((field, i) => `${PATCH_COLUMNS[field]} = $${i + 2}`);
  const { rows } = await pool.query<UserRow>(
    `UPDATE users SET ${sets.join(', ')} WHERE id = $1 RETURNING *`,
    [id, ...fields.map((f) => patch[f])],
  );
  return rows[0];
}

export async function setPreferences(
  pool: pg.Pool,
  id: number,
  preferences: Record<string, unknown>,
): Promise<UserRow | undefined> {
  const { rows } = await pool.query<UserRow>('UPDATE users SET preferences = $2 WHERE id = $1 RETURNING *', [
    id,
    JSON.stringify(preferences),
  ]);
  return rows[0];
}
