import { postgres } from '@lab/common/services';
import type pg from 'pg';
import { DependencyBusyError, DependencyTimeoutError, DependencyUnavailableError } from './errors.ts';

/** The knobs that decide how a pool behaves when the database or the pool itself is the bottleneck. */
export interface DbLimits {
  /** Connections this process may hold. Every process (cluster worker, pod) multiplies it. */
  max: number;
  /**
   * How long a request waits for a free connection (or for a new one to open) before giving up. pg's
   * default, 0, means forever: requests pile up in memory with no error and no end.
   */
  connectionTimeoutMillis: number;
  /** Server-side deadline: PostgreSQL cancels the statement itself (SQLSTATE 57014). */
  statementTimeoutMs: number;
  /**
   * Client-side backstop: pg stops waiting for the answer. It does not cancel anything on the server, so it
   * must be longer than `statementTimeoutMs`; it is for a server or network that has stopped answering.
   */
  queryTimeoutMs: number;
  /** Seconds a client is told to wait after a 503 for an exhausted pool. */
  retryAfterSeconds: number;
}

/** Defaults that fail fast: a second to get a connection, two for a statement, three before the client gives up. */
export const DEFAULT_DB_LIMITS: DbLimits = {
  max: 10,
  connectionTimeoutMillis: 1_000,
  statementTimeoutMs: 2_000,
  queryTimeoutMs: 3_000,
  retryAfterSeconds: 1,
};

/** A pool plus the limits it was built with, so errors can say which limit was hit. */
export interface Db {
  pool: pg.Pool;
  limits: DbLimits;
  /** `pool.query` with pool and driver failures turned into the typed errors of `errors.ts`. */
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** Opens a pool on the lab database with every timeout set. `schema` isolates a test file's tables. */
export async function createDb(
  limits: Partial<DbLimits> = {},
  extra: { schema?: string; applicationName?: string } = {},
): Promise<Db> {
  const all: DbLimits = { ...DEFAULT_DB_LIMITS, ...limits };
  if (all.queryTimeoutMs <= all.statementTimeoutMs)
    throw new RangeError('queryTimeoutMs must exceed statementTimeoutMs: the server should cancel first');
  const pool = await postgres({
    ...(extra.schema ? { schema: extra.schema } : {}),
    max: all.max,
    connectionTimeoutMillis: all.connectionTimeoutMillis,
    statement_timeout: all.statementTimeoutMs,
    query_timeout: all.queryTimeoutMs,
    idleTimeoutMillis: 10_000,
    application_name: extra.applicationName ?? 'lab-api-concurrency',
  });
  return wrapPool(pool, all);
}

/** Wraps an existing pool (one made elsewhere) so its failures map to typed errors. */
export function wrapPool(pool: pg.Pool, limits: DbLimits): Db {
  return {
    pool,
    limits,
    async query<R extends pg.QueryResultRow>(text: string, values?: unknown[]) {
      try {
        return await pool.query<R>(text, values);
      } catch (error) {
        throw classifyPgError(error, limits);
      }
    },
  };
}

const UNAVAILABLE_CODES = new Set([
  '53300', // too_many_connections: max_connections reached, by us or by every other client of the server
  '57P01', // admin_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  'ECONNREFUSED',
  'ECONNRESET',
]);

/**
 * Maps what pg and pg-pool throw to a typed error, or returns the error unchanged when it is a real bug
 * (a syntax error, a constraint violation) that should stay a 500 or be handled by the caller.
 * pg-pool reports an exhausted pool only through its message, so that string is matched here, in one place.
 */
export function classifyPgError(error: unknown, limits: DbLimits): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (error.message === 'timeout exceeded when trying to connect')
    return new DependencyBusyError(
      'postgres',
      `all ${limits.max} database connections stayed busy for ${limits.connectionTimeoutMillis} ms`,
      limits.retryAfterSeconds,
      { cause: error },
    );
  if (error.message.startsWith('Connection terminated due to connection timeout'))
    return new DependencyUnavailableError(
      'postgres',
      `could not open a database connection within ${limits.connectionTimeoutMillis} ms`,
      5,
      { cause: error },
    );
  if (code === '57014')
    return new DependencyTimeoutError(
      'postgres',
      `the query was cancelled by the server after statement_timeout (${limits.statementTimeoutMs} ms)`,
      limits.statementTimeoutMs,
      { cause: error },
    );
  if (error.message === 'Query read timeout')
    return new DependencyTimeoutError(
      'postgres',
      `no answer from the database within query_timeout (${limits.queryTimeoutMs} ms)`,
      limits.queryTimeoutMs,
      { cause: error },
    );
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code))
    return new DependencyUnavailableError('postgres', `the database is unavailable (${code})`, 5, {
      cause: error,
    });
  return error;
}
