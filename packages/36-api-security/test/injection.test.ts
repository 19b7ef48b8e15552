import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  createInjectionTables,
  findAccountsSafe,
  findAccountsUnsafe,
  INJECTIONS,
  SECRETS,
} from '../src/injection.ts';

const SCHEMA = testSchema(import.meta.url);
let pool: pg.Pool;
beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 2 });
  await resetSchema(pool, SCHEMA);
  await createInjectionTables(pool);
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
});

const names = (rows: Array<{ username: string }>) => rows.map((r) => r.username).sort();

describe('the string-built query (deliberately unsafe)', () => {
  it('answers an honest name like the safe one', async () => {
    expect(await findAccountsUnsafe(pool, 'grace')).toEqual([
      { username: 'grace', email: 'grace@example.test' },
    ]);
  });

  it(`' OR '1'='1 returns every account`, async () => {
    expect(names(await findAccountsUnsafe(pool, INJECTIONS.orTrue))).toEqual(names([...ACCOUNTS]));
  });

  it('a UNION reads the secrets table through the username box', async () => {
    const rows = await findAccountsUnsafe(pool, INJECTIONS.unionSecrets);
    expect(rows.map((r) => [r.username, r.email]).sort()).toEqual(
      SECRETS.map((s) => [s.name, s.value]).sort(),
    );
  });

  it('a lone quote breaks the statement: a syntax error is the first sign of injectability', async () => {
    await expect(findAccountsUnsafe(pool, "o'brien")).rejects.toMatchObject({ code: '42601' });
  });
});

describe('the parameterized query', () => {
  it('finds the honest name', async () => {
    expect(await findAccountsSafe(pool, 'ada')).toEqual([{ username: 'ada', email: 'ada@example.test' }]);
  });

  it.each(Object.entries(INJECTIONS))('%s is just a name nobody has: no rows', async (_, payload) => {
    expect(await findAccountsSafe(pool, payload)).toEqual([]);
  });

  it("a quote is data: o'brien is looked up, not parsed", async () => {
    expect(await findAccountsSafe(pool, "o'brien")).toEqual([]);
  });

  it('NUL still fails in PostgreSQL (22021): parameters do not replace validation at the boundary', async () => {
    await expect(findAccountsSafe(pool, 'ada\u0000')).rejects.toMatchObject({ code: '22021' });
  });

  it('the tables are still there and unchanged after every payload', async () => {
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM lab_accounts');
    expect(Number(rows[0]?.n)).toBe(ACCOUNTS.length);
  });
});
