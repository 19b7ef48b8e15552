import { resetSchema } from '@lab/common';
import {
  type LinkedTestPostgres,
  testPostgres,
  testPostgresThroughLink,
  testSchema,
} from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { begin, type Transaction, withTransaction } from '../src/index.ts';

const SCHEMA = testSchema(import.meta.url);
let pool: pg.Pool;

beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 2 });
  await resetSchema(pool, SCHEMA);
  await pool.query('CREATE TABLE ledger (id serial PRIMARY KEY, note text NOT NULL)');
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
  await pool.end();
});
beforeEach(async () => {
  await pool.query('TRUNCATE ledger');
});

const rows = async () =>
  Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM ledger')).rows[0]?.n);

describe('await using a transaction', () => {
  it('commits when the scope calls commit()', async () => {
    {
      await using tx = await begin(pool);
      await tx.query('INSERT INTO ledger (note) VALUES ($1)', ['kept']);
      await tx.commit();
    }
    expect(await rows()).toBe(1);
  });

  it('rolls back when the scope throws, and the row is really gone', async () => {
    let seen: Transaction | undefined;
    await expect(async () => {
      await using tx = await begin(pool);
      seen = tx;
      await tx.query('INSERT INTO ledger (note) VALUES ($1)', ['lost']);
      // Visible inside the transaction...
      expect(Number((await tx.query<{ n: string }>('SELECT count(*) AS n FROM ledger')).rows[0]?.n)).toBe(1);
      throw new Error('payment declined');
    }).rejects.toThrow('payment declined');
    expect(seen?.state).toBe('rolled back');
    // ...and not after.
    expect(await rows()).toBe(0);
  });

  it('rolls back when the scope returns early without committing', async () => {
    const insertThenLeave = async () => {
      await using tx = await begin(pool);
      await tx.query('INSERT INTO ledger (note) VALUES ($1)', ['abandoned']);
      return 'left early';
    };
    expect(await insertThenLeave()).toBe('left early');
    expect(await rows()).toBe(0);
  });

  it('returns the client to the pool every time', async () => {
    for (let i = 0; i < 5; i++) {
      await expect(async () => {
        await using tx = await begin(pool);
        await tx.query('SELECT 1');
        throw new Error('again');
      }).rejects.toThrow('again');
    }
    // One transaction at a time, each releasing its client: the pool never needed a second connection.
    expect(pool.totalCount).toBe(1);
    expect(pool.idleCount).toBe(1);
    expect(pool.waitingCount).toBe(0);
  });
});

describe('commit()', () => {
  it('makes the rows visible to other connections at once, and the end of the scope keeps them', async () => {
    let seen: Transaction | undefined;
    {
      await using tx = await begin(pool);
      seen = tx;
      await tx.query('INSERT INTO ledger (note) VALUES ($1)', ['kept']);
      expect(await rows()).toBe(0);
      await tx.commit();
      expect(tx.state).toBe('committed');
      expect(await rows()).toBe(1);
    }
    // Disposal after a commit only returns the client: no ROLLBACK, the state stays committed.
    expect(seen?.state).toBe('committed');
    expect(await rows()).toBe(1);
  });

  it('refuses a second commit, and a commit after the scope rolled back', async () => {
    let seen: Transaction | undefined;
    {
      await using tx = await begin(pool);
      await tx.commit();
      await expect(tx.commit()).rejects.toThrow('cannot commit: transaction already committed');
    }
    {
      await using tx = await begin(pool);
      seen = tx;
    }
    await expect(seen?.commit()).rejects.toThrow('cannot commit: transaction already rolled back');
  });
});

describe('the hand-written try/finally version', () => {
  it('commits on success and rolls back on throw, like await using', async () => {
    await withTransaction(pool, (c) => c.query("INSERT INTO ledger (note) VALUES ('kept')"));
    await expect(
      withTransaction(pool, async (c) => {
        await c.query("INSERT INTO ledger (note) VALUES ('lost')");
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    expect(await rows()).toBe(1);
  });
});

describe('when the connection to PostgreSQL is lost', () => {
  // One connection, through a proxy the test can cut: the server and the other test files never notice.
  let db: LinkedTestPostgres;
  let link: LinkedTestPostgres['link'];
  let linked: pg.Pool;

  beforeAll(async () => {
    db = await testPostgresThroughLink(import.meta.url, { max: 1 });
    ({ link, pool: linked } = db);
  });
  afterEach(() => link.restore());
  afterAll(() => db[Symbol.asyncDispose]());

  it('begin() rejects when BEGIN fails, drops that client, and the next begin() gets a fresh one', async () => {
    // The pool hands out a connection whose server is already gone (a failover, a killed backend).
    linked.once('acquire', () => link.drop());
    await expect(begin(linked)).rejects.toThrow('Connection terminated unexpectedly');
    expect(linked.totalCount).toBe(0);
    link.restore();
    await using tx = await begin(linked);
    expect((await tx.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('a scope left without commit rejects with the failed ROLLBACK, and the client is not reused', async () => {
    await expect(async () => {
      await using tx = await begin(linked);
      await tx.query('INSERT INTO ledger (note) VALUES ($1)', ['in flight']);
      link.drop();
    }).rejects.toThrow('Connection terminated unexpectedly');
    expect(linked.totalCount).toBe(0);
    link.restore();
    expect(await rows()).toBe(0);
  });

  it('withTransaction rethrows the error of the work, not that of the failed ROLLBACK, and drops the client', async () => {
    await expect(
      withTransaction(linked, async (c) => {
        await c.query("INSERT INTO ledger (note) VALUES ('in flight')");
        link.drop();
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(linked.totalCount).toBe(0);
  });

  it('hands each client back without the error listener it added while the client was out', async () => {
    const client = await linked.connect();
    const listeners = client.listenerCount('error');
    client.release();
    for (let i = 0; i < 3; i++) {
      await using tx = await begin(linked);
      await tx.commit();
    }
    await withTransaction(linked, async () => {});
    const again = await linked.connect();
    expect(again.listenerCount('error')).toBe(listeners);
    again.release();
  });
});
