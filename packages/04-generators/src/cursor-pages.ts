import { checkout } from '@lab/common/services';
import type pg from 'pg';
import { assertPageSize, type EventRow } from './events-table.ts';

/**
 * Pages of `events` from a server-side cursor: one transaction on one connection, `FETCH pageSize` per
 * page. Unlike keyset paging it sees one consistent snapshot, but it holds a pool connection for as long
 * as the consumer iterates, so `finally` must give it back even when the consumer breaks out early.
 */
export async function* cursorPages(
  pool: pg.Pool,
  { pageSize }: { pageSize: number },
): AsyncGenerator<EventRow[], void, undefined> {
  assertPageSize(pageSize);
  // checkout(): a connection lost while the consumer iterates rejects the next FETCH instead of ending the process.
  const { client, release } = await checkout(pool);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(
      'DECLARE events_cursor NO SCROLL CURSOR FOR SELECT id, kind, amount FROM events ORDER BY id',
    );
    for (;;) {
      const { rows } = await client.query<EventRow>(`FETCH ${pageSize} FROM events_cursor`);
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < pageSize) return;
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    try {
      // Ending the transaction closes the cursor; a connection that just failed may be unusable, so it is
      // discarded (release(error)) rather than returned to the pool.
      if (!broken) await client.query('COMMIT');
    } catch (error) {
      broken = error as Error;
    } finally {
      release(broken);
    }
  }
}
