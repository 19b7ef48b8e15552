import { queryStats } from '@lab/common';
import { testPostgres, testPostgresThroughLink, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursorPages } from '../src/cursor-pages.ts';
import { type EventRow, seedEvents } from '../src/events-table.ts';
import { keysetPages } from '../src/keyset-pages.ts';
import { collect } from './_collect.ts';

// Each test seeds the table it needs, in its own body: a seed that breaks fails a test that names it.
let pool: pg.Pool;

beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 2 });
});

afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${testSchema(import.meta.url)} CASCADE`);
  await pool.end();
});

async function seeded(count: number): Promise<void> {
  await seedEvents(pool, count);
  queryStats(pool).reset();
}

const fetches = () => queryStats(pool).texts.filter((t) => /^\s*(SELECT|FETCH)/i.test(t)).length;
const ids = (pages: readonly EventRow[][]) => pages.map((page) => page.map((r) => r.id));

describe('seedEvents', () => {
  it('replaces the table: ids 1 … count, kind and amount derived from the id', async () => {
    await seedEvents(pool, 5);
    await seedEvents(pool, 3);
    const { rows } = await pool.query<EventRow>('SELECT id, kind, amount FROM events ORDER BY id');
    expect(rows).toEqual([
      { id: 1, kind: 'view', amount: 37 },
      { id: 2, kind: 'buy', amount: 74 },
      { id: 3, kind: 'click', amount: 111 },
    ]);
  });

  it.each([-1, 1.5, Number.NaN])('refuses count %s before any query', async (count) => {
    queryStats(pool).reset();
    await expect(seedEvents(pool, count)).rejects.toThrow(
      new RangeError(`seedEvents: count must be a non-negative integer, got ${String(count)}`),
    );
    expect(queryStats(pool).count).toBe(0);
  });
});

describe('the edges of paging, keyset and cursor', () => {
  it('an empty table: one query and no page either way', async () => {
    await seeded(0);
    expect(await collect(keysetPages(pool, { pageSize: 10 }))).toEqual([]);
    expect(await collect(cursorPages(pool, { pageSize: 10 }))).toEqual([]);
    expect(fetches()).toBe(2);
  });

  it('a table that is an exact multiple of the page size costs one empty query at the end, never an empty page', async () => {
    await seeded(3);
    expect(ids(await collect(keysetPages(pool, { pageSize: 1 })))).toEqual([[1], [2], [3]]);
    expect(queryStats(pool).count).toBe(4);
    queryStats(pool).reset();
    expect(ids(await collect(cursorPages(pool, { pageSize: 3 })))).toEqual([[1, 2, 3]]);
    expect(fetches()).toBe(2);
  });

  it('a failing cursor query reaches the consumer; the connection is discarded, with no COMMIT sent on it', async () => {
    await seeded(3);
    await pool.query('DROP TABLE events');
    queryStats(pool).reset();
    const releasedWith: unknown[] = [];
    const onRelease = (error: unknown) => releasedWith.push(error);
    pool.on('release', onRelease);
    try {
      // 42P01 undefined_table: DECLARE fails and aborts the transaction.
      await expect(collect(cursorPages(pool, { pageSize: 10 }))).rejects.toMatchObject({ code: '42P01' });
    } finally {
      pool.off('release', onRelease);
    }
    expect(queryStats(pool).texts).toEqual([
      'BEGIN READ ONLY',
      expect.stringMatching(/^DECLARE events_cursor/),
    ]);
    // release(error) makes pg-pool close the client instead of pooling one stuck in an aborted transaction.
    expect(releasedWith).toEqual([expect.objectContaining({ code: '42P01' })]);
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  it('a connection lost between pages rejects the next page in the consumer, not the process', async () => {
    await seeded(5);
    await using db = await testPostgresThroughLink(import.meta.url, { max: 1 });
    const pages = cursorPages(db.pool, { pageSize: 2 });
    expect((await pages.next()).value).toHaveLength(2);
    db.link.drop();
    await expect(pages.next()).rejects.toThrow('Connection terminated unexpectedly');
    expect(db.pool.totalCount).toBe(0);
    db.link.restore();
    expect(ids(await collect(cursorPages(db.pool, { pageSize: 2 })))).toEqual([[1, 2], [3, 4], [5]]);
  });
});
