/** The users table: an email, a self-describing scrypt hash, and one role. */
import type pg from 'pg';

export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  passwordHash: string;
  role: Role;
}

/** Creates the table in the pool's schema (the first on its search_path). */
export async function createUsersTable(pool: pg.Pool): Promise<void> {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS users (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      password_hash text NOT NULL,
      role text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin'))
    )`);
}

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  role: Role;
}

// bigint comes back from pg as a string: ids stay strings, which is also what a JWT `sub` is.
const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  passwordHash: row.password_hash,
  role: row.role,
});

export async function insertUser(
  pool: pg.Pool,
  user: { email: string; passwordHash: string; role?: Role },
): Promise<User> {
  const { rows } = await pool.query<UserRow>(
    'INSERT INTO users (email, password_hash, role) VALUES (lower($1), $2, $3) RETURNING *',
    [user.email, user.passwordHash, user.role ?? 'user'],
  );
  return toUser(rows[0] as UserRow);
}

export async function findUserByEmail(pool: pg.Pool, email: string): Promise<User | undefined> {
  const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE email = $1', [email]);
  return rows[0] && toUser(rows[0]);
}

export async function findUserById(pool: pg.Pool, id: string): Promise<User | undefined> {
  // A `sub` that is not a bigint would make PostgreSQL raise 22P02: it simply names no user.
  if (!/^[1-9]\d{0,17}$/.test(id)) return undefined;
  const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0] && toUser(rows[0]);
}

/** Replaces a hash only if it is still the one that was verified, so two logins cannot both rewrite it. */
export async function replacePasswordHash(
  pool: pg.Pool,
  id: string,
  from: string,
  to: string,
): Promise<boolean> {
  const { rowCount } = await pool.query(
    'UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2',
    [id, from, to],
  );
  return rowCount === 1;
}
