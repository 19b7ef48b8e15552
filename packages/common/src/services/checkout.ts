import type pg from 'pg';

/** A client out of the pool for a unit of work (a transaction, a cursor), and how to give it back. */
export interface CheckedOutClient {
  readonly client: pg.PoolClient;
  /** Back to the pool; with an error, the connection is destroyed instead (it may be unusable). */
  release(error?: Error): void;
}

/**
 * pg reports a lost connection twice: the query in flight (or the next one) rejects, and the client emits
 * 'error'. The pool listens for that event only while a client is idle in it; on a checked-out client with
 * no listener the event is an uncaught exception, and one database blip ends the process. The rejected
 * query already tells the caller, so the event is ignored while the client is out. A healthy client goes
 * back without the listener; a destroyed one keeps it (its socket may still report the error late).
 */
const ignoreLostConnection = (): void => {};

export async function checkout(pool: pg.Pool): Promise<CheckedOutClient> {
  const client = await pool.connect();
  client.on('error', ignoreLostConnection);
  return {
    client,
    release(error) {
      if (!error) client.off('error', ignoreLostConnection);
      client.release(error);
    },
  };
}
