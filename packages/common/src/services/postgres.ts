import type pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { trackQueries } from './query-stats.ts';
import { onClose } from './registry.ts';

let resolving: Promise<string> | undefined;

/** Prints service start-up lines; demos and the runners share it. Goes to stderr so stdout stays the demo's. */
export const serviceLog = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/**
 * The connection string of a real PostgreSQL: `DATABASE_URL` if set, otherwise the embedded server, started
 * on demand and left running for the next run (`pnpm db status`, `pnpm db stop`).
 */
export function databaseUrl(): Promise<string> {
  resolving ??= (async () => {
    const fromEnv = process.env.DATABASE_URL;
    if (fromEnv) return fromEnv;
    // Left running when this process ends (a dev database): others may be using it. `pnpm db stop` stops it.
    const server = await startEmbeddedPostgres(serviceLog);
    // Child processes (demo runs, workers, test forks) reuse this server instead of starting their own.
    process.env.DATABASE_URL = server.url;
    return server.url;
  })();
  const pending = resolving;
  pending.catch(() => {
    if (resolving === pending) resolving = undefined;
  });
  return pending;
}

export interface PostgresOptions extends Omit<pg.PoolConfig, 'connectionString'> {
  /**
   * A schema of the topic's own: created if missing and put first on every connection's search_path, so
   * topics and test files never see each other's tables.
   */
  schema?: string;
  /**
   * Another route to the same server (a `FlakyLink` in front of it, in tests that cut the connection);
   * the default is `databaseUrl()`.
   */
  url?: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

// Loaded on the first pool, not at import: `import { heading } from '@lab/common'` must not pay for pg.
const loadPg = async (): Promise<typeof pg> => (await import('pg')).default;

/**
 * A `pg.Pool` on the lab database. Every pool is query-tracked (see `queryStats`) and closed by
 * `closeServices()`.
 */
export async function postgres(options: PostgresOptions = {}): Promise<pg.Pool> {
  const { schema, url, ...config } = options;
  const connectionString = url ?? (await databaseUrl());
  const pg = await loadPg();
  if (schema !== undefined) {
    if (!IDENTIFIER.test(schema)) throw new Error(`schema name must match ${IDENTIFIER}: ${schema}`);
    const client = new pg.Client({ connectionString });
    // A connection lost mid-query rejects the query; unheard, the client's 'error' event would end the process.
    client.on('error', () => {});
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (error) {
      // Two processes creating the same schema at once: one wins, the other sees a duplicate; both are fine.
      if ((error as { code?: string }).code !== '23505') throw error;
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString,
    ...config,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  trackQueries(pool);
  // An idle client losing its server (a restart, a killed backend) must not crash the process.
  pool.on('error', () => {});
  const forget = onClose(() => pool.end());
  const end = pool.end.bind(pool);
  pool.end = (() => {
    forget();
    return end();
  }) as typeof pool.end;
  return pool;
}

/** Drops and recreates a schema: a clean slate for a test file or a demo run. */
export async function resetSchema(pool: pg.Pool, schema: string): Promise<void> {
  if (!IDENTIFIER.test(schema)) throw new Error(`schema name must match ${IDENTIFIER}: ${schema}`);
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
}
