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

/**
 * pg reports a lost connection twice: the query in flight (or the next one) fails, and the client emits
 * 'error'. The pool listens for that event only while a client is idle; on a checked-out client with no
 * listener it is an uncaught exception that ends the process. The failed query already tells the caller,
 * so the event is ignored while the client is out, and the listener goes when the client goes back.
 */
const ignoreLostConnection = (): void => {};

async function checkout(pool: pg.Pool): Promise<{ client: pg.PoolClient; release(error?: Error): void }> {
  const client = await pool.connect();
  client.on('error', ignoreLostConnection);
  return {
    client,
    release(error) {
      client.off('error', ignoreLostConnection);
      client.release(error);
    },
  };
}

export async function begin(pool: pg.Pool): Promise<Transaction> {
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
