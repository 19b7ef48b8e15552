/**
 * The tables behind the API, and a deterministic seed. Rules that must hold under concurrency live here,
 * as constraints: the unique email and the order-to-user link are enforced by PostgreSQL, and the API
 * translates their violations into 409s (errors.ts) instead of checking first and racing.
 */
import type pg from 'pg';
import { hashPassword } from './password.ts';

/**
 * `integer` ids: node-postgres returns `bigint` (int8) columns as strings, because a JS number loses
 * precision above 2^53. A 4-byte id keeps the example simple; see the README for the bigint trade-off.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS users (
  id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name               text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  email              text        NOT NULL CHECK (char_length(email) <= 254),
  role               text        NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
  password_hash      text        NOT NULL,
  flagged_for_review boolean     NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS users_email_lower_key ON users (lower(email));
CREATE INDEX IF NOT EXISTS users_role_id_idx ON users (role, id);

CREATE TABLE IF NOT EXISTS orders (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id       integer     NOT NULL,
  status        text        NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
  total_cents   integer     NOT NULL CHECK (total_cents >= 0),
  currency      char(3)     NOT NULL DEFAULT 'EUR',
  processor_ref text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS orders_user_id_id_idx ON orders (user_id, id);
`;

/** Creates the tables and indexes in the pool's schema (the first entry of its search_path). */
export async function migrate(pool: pg.Pool): Promise<void> {
  await pool.query(DDL);
}

export interface SeedOptions {
  /** How many users; every fifth is an admin. User n has n % 4 orders, so every fourth has none. */
  users: number;
}

/**
 * Inserts `users` users named "User 1"… with emails user1@example.com…, and their orders, in two
 * statements. Every seeded user shares one password hash: hashing is deliberately slow (password.ts).
 */
export async function seed(pool: pg.Pool, { users }: SeedOptions): Promise<void> {
  const hash = await hashPassword('seeded-password');
  await pool.query(
    `INSERT INTO users (name, email, role, password_hash, flagged_for_review)
     SELECT 'User ' || i, 'user' || i || '@example.com',
            CASE WHEN i % 5 = 0 THEN 'admin' ELSE 'user' END, $2, i % 7 = 0
     FROM generate_series(1, $1::int) AS i`,
    [users, hash],
  );
  await pool.query(
    `INSERT INTO orders (user_id, status, total_cents, processor_ref)
     SELECT u.id, (ARRAY['pending', 'paid', 'shipped'])[1 + (u.id + k) % 3],
            1000 + (u.id * 37 + k * 11) % 9000, 'ch_' || u.id || '_' || k
     FROM users u, generate_series(1, u.id % 4) AS k
     ORDER BY u.id, k`,
  );
}
