import { resetSchema } from '@lab/common';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
