import { checkout } from '@lab/common/services';
import type pg from 'pg';

const SCHEMA_SQL = `
  CREATE TABLE IF NOT EXISTS users (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL CONSTRAINT users_email_key UNIQUE,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS orders (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id integer NOT NULL CONSTRAINT orders_user_id_fkey REFERENCES users (id),
    status text NOT NULL CHECK (status IN ('placed', 'cancelled')),
    total_cents integer NOT NULL CHECK (total_cents >= 0),
    created_at timestamptz NOT NULL DEFAULT now()
  );
  -- PostgreSQL indexes primary keys, never a foreign key column by itself: listing a user's orders needs this.
  CREATE INDEX IF NOT EXISTS orders_user_id_idx ON orders (user_id);
  CREATE TABLE IF NOT EXISTS order_lines (
    order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no integer NOT NULL,
    sku text NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price_cents integer NOT NULL CHECK (unit_price_cents >= 0),
    PRIMARY KEY (order_id, line_no)
  );`;

/** The tables this service owns, in the pool's schema (first on its search_path). */
export const TABLES = ['users', 'orders', 'order_lines'] as const;

/**
 * Runs schema DDL once per schema even when several processes start at once: `CREATE TABLE IF NOT EXISTS`
 * alone is not safe (two sessions can both find the table missing and one fails on a duplicate catalog
 * row), so an advisory lock named `lockName` + the schema serialises them, inside one transaction.
 */
export async function runMigration(pool: pg.Pool, lockName: string, sql: string): Promise<void> {
  const { client, release } = await checkout(pool);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1 || current_schema()))', [`${lockName}:`]);
    await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    release(broken);
  }
}

/** Creates the tables if they are missing; safe to run at every start-up and from several processes at once. */
export function migrate(pool: pg.Pool): Promise<void> {
  return runMigration(pool, 'lab-21-migrate', SCHEMA_SQL);
}
