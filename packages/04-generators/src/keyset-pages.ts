import type pg from 'pg';
import { assertPageSize, type EventRow } from './events-table.ts';

export interface KeysetOptions {
  pageSize: number;
  /** Start after this id (0: from the beginning). */
  afterId?: number;
}

/**
 * Pages of `events` by keyset pagination: each query asks for the rows after the last id seen, so a page
 * costs one index range scan whatever its position (OFFSET would rescan everything before it). The query
 * for page k+1 only runs when the consumer asks for it; a consumer that stops early fetches nothing more.
 */
export async function* keysetPages(
  pool: pg.Pool,
  { pageSize, afterId = 0 }: KeysetOptions,
): AsyncGenerator<EventRow[], void, undefined> {
  assertPageSize(pageSize);
  let last = afterId;
  for (;;) {
    const { rows } = await pool.query<EventRow>(
      'SELECT id, kind, amount FROM events WHERE id > $1 ORDER BY id LIMIT $2',
      [last, pageSize],
    );
    if (rows.length === 0) return;
    yield rows;
    // A short page is the last one: no need for a query that is sure to come back empty.
    if (rows.length < pageSize) return;
    last = rows[rows.length - 1]!.id;
  }
}

/** Row by row over any source of pages: `yield*` flattens each page into the outer sequence. */
export async function* rowsOf<T>(pages: AsyncIterable<readonly T[]>): AsyncGenerator<T, void, undefined> {
  for await (const page of pages) yield* page;
}
