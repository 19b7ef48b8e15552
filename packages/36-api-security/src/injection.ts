/**
 * SQL injection, shown against throwaway tables. `createInjectionTables` makes `lab_accounts` and
 * `lab_secrets` in the pool's own schema (first on its search_path), never anywhere shared.
 */
import type pg from 'pg';

export interface Account {
  username: string;
  email: string;
}

export const ACCOUNTS: readonly Account[] = [
  { username: 'ada', email: 'ada@example.test' },
  { username: 'grace', email: 'grace@example.test' },
  { username: 'linus', email: 'linus@example.test' },
];

export const SECRETS = [
  { name: 'stripe_key', value: 'sk_live_not_a_real_key' },
  { name: 'jwt_signing_key', value: 'also-not-real-but-it-would-be' },
] as const;

/** (Re)creates the two lab tables in the pool's schema and fills them. */
export async function createInjectionTables(pool: pg.Pool): Promise<void> {
  await pool.query(`
    DROP TABLE IF EXISTS lab_accounts, lab_secrets;
    CREATE TABLE lab_accounts (username text PRIMARY KEY, email text NOT NULL);
    CREATE TABLE lab_secrets (name text PRIMARY KEY, value text NOT NULL);`);
  await pool.query('INSERT INTO lab_accounts SELECT * FROM unnest($1::text[], $2::text[])', [
    ACCOUNTS.map((a) => a.username),
    ACCOUNTS.map((a) => a.email),
  ]);
  await pool.query('INSERT INTO lab_secrets SELECT * FROM unnest($1::text[], $2::text[])', [
    SECRETS.map((s) => s.name),
    SECRETS.map((s) => s.value),
  ]);
}

/**
 * DELIBERATELY VULNERABLE — the query text is built from input, so the input becomes SQL. Exists only for
 * the demo and the tests that prove it exploitable; nothing in the app calls it.
 */
export async function findAccountsUnsafe(pool: pg.Pool, username: string): Promise<Account[]> {
  const { rows } = await pool.query<Account>(
    `SELECT username, email FROM lab_accounts WHERE username = '${username}' ORDER BY username`,
  );
  return rows;
}

/**
 * The fix: the text is constant and the input travels separately (the extended protocol's Bind message),
 * so the server never parses it as SQL, whatever it contains.
 */
export async function findAccountsSafe(pool: pg.Pool, username: string): Promise<Account[]> {
  const { rows } = await pool.query<Account>(
    'SELECT username, email FROM lab_accounts WHERE username = $1 ORDER BY username',
    [username],
  );
  return rows;
}

/** The inputs an attacker types into a "username" box. */
export const INJECTIONS = {
  /** Closes the string, adds an always-true condition: every row comes back. */
  orTrue: "' OR '1'='1",
  /** Closes the string, matches nothing, then appends another table's rows in the same two columns. */
  unionSecrets: "' UNION SELECT name, value FROM lab_secrets --",
} as const;
