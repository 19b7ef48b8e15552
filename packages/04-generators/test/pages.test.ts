import { queryStats } from '@lab/common';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cursorPages } from '../src/cursor-pages.ts';
import { type EventRow, seedEvents } from '../src/events-table.ts';
import { keysetPages, rowsOf } from '../src/keyset-pages.ts';
import { collect } from './_collect.ts';

const SCHEMA = testSchema(import.meta.url);
const ROWS = 1050;
const PAGE = 100;

let pool: pg.Pool;

beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 4 });
  await seedEvents(pool, ROWS);
});

afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
});

beforeEach(() => queryStats(pool).reset());

const fetches = () => queryStats(pool).texts.filter((t) => /^\s*(SELECT|FETCH)/i.test(t)).length;
const checkedOut = () => pool.totalCount - pool.idleCount;

function expectEveryRowOnceInOrder(rows: readonly EventRow[]): void {
  expect(rows.map((r) => r.id)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
  expect(rows[0]).toEqual({ id: 1, kind: 'view', amount: 37 });
}

describe('keyset pagination with an async generator', () => {
  it('returns every row exactly once, in order', async () => {
    expectEveryRowOnceInOrder(await collect(rowsOf(keysetPages(pool, { pageSize: PAGE }))));
  });

  it('issues one query per page and none after a short last page', async () => {
    const pages = await collect(keysetPages(pool, { pageSize: PAGE }));
    expect(pages.map((p) => p.length)).toEqual([...Array(10).fill(PAGE), 50]);
    expect(queryStats(pool).count).toBe(11);
  });

  it('asks for the next page only when the consumer wants it', async () => {
    const rows: EventRow[] = [];
    for await (const row of rowsOf(keysetPages(pool, { pageSize: PAGE }))) {
      rows.push(row);
      if (rows.length === 250) break;
    }
    expect(rows.at(-1)?.id).toBe(250);
    expect(queryStats(pool).count).toBe(3); // rows 1-100, 101-200, 201-300: not 11
  });

  it('nothing runs until the first next()', async () => {
    const pages = keysetPages(pool, { pageSize: PAGE });
    expect(queryStats(pool).count).toBe(0);
    await pages.next();
    expect(queryStats(pool).count).toBe(1);
    await pages.return();
  });

  it('resumes after a given id', async () => {
    const rows = await collect(rowsOf(keysetPages(pool, { pageSize: 40, afterId: 1000 })));
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => 1001 + i));
    expect(queryStats(pool).count).toBe(2);
  });

  it('rejects a bad page size before querying', async () => {
    await expect(keysetPages(pool, { pageSize: 0 }).next()).rejects.toThrow(/positive integer/);
    expect(queryStats(pool).count).toBe(0);
  });
});

describe('server-side cursor with an async generator', () => {
  it('returns every row exactly once, in order, and gives its connection back', async () => {
    expectEveryRowOnceInOrder(await collect(rowsOf(cursorPages(pool, { pageSize: PAGE }))));
    expect(fetches()).toBe(11);
    expect(checkedOut()).toBe(0);
  });

  it('breaking early runs finally: one FETCH, transaction ended, connection released', async () => {
    let seen = 0;
    for await (const _ of rowsOf(cursorPages(pool, { pageSize: PAGE }))) {
      if (++seen === 30) break;
    }
    expect(fetches()).toBe(1);
    expect(queryStats(pool).texts.at(-1)).toBe('COMMIT');
    expect(checkedOut()).toBe(0);
  });

  it('an abandoned cursor generator keeps its connection until return() (pitfall)', async () => {
    const pages = cursorPages(pool, { pageSize: PAGE });
    await pages.next();
    expect(checkedOut()).toBe(1);
    await pages.return();
    expect(checkedOut()).toBe(0);
  });
});
