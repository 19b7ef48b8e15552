import { checkout } from '@lab/common/services';
import type pg from 'pg';

/**
 * A PostgreSQL transaction as an async disposable: `await using tx = await begin(pool)`. Leaving the
 * scope without `commit()` — by an exception, an early return, a `break` — rolls back; either way the
 * client goes back to the pool. The Python counterpart is `with conn.transaction():`.
 */
export interface Transaction extends AsyncDisposable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>>;
  commit(): Promise<void>;
  readonly state: 'open' | 'committed' | 'rolled back';
}

export async function begin(pool: pg.Pool): Promise<Transaction> {
  // checkout() (the kit's): a connection lost while the client is out rejects the query in flight; with a
  // bare pool.connect(), pg's 'error' event on the client would be uncaught and end the process.
  const { client, release } = await checkout(pool);
  try {
    await client.query('BEGIN');
  } catch (error) {
    release(error as Error);
    throw error;
  }
  let state: Transaction['state'] = 'open';
  return {
    get state() {
      return state;
    },
    query: (text, values) => client.query(text, values),
    async commit() {
      if (state !== 'open') throw new Error(`cannot commit: transaction already ${state}`);
      await client.query('COMMIT');
      state = 'committed';
    },
    async [Symbol.asyncDispose]() {
      if (state !== 'open') {
        release();
        return;
      }
      try {
        await client.query('ROLLBACK');
        state = 'rolled back';
        release();
      } catch (error) {
        // A connection that cannot roll back must not be reused: destroy it instead of returning it.
        release(error as Error);
        throw error;
      }
    },
  };
}

/** The same guarantee written by hand with try/catch/finally: what `await using` saves you from. */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const { client, release } = await checkout(pool);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    release(broken);
  }
}
