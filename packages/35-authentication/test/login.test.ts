/** checkCredentials on its own, on real PostgreSQL: what `rehashed` reports, and the user it hands back. */
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCredentials } from '../src/login.ts';
import { hashPassword, parseHash, type ScryptCost } from '../src/password.ts';
import { createUsersTable, findUserByEmail, insertUser } from '../src/users.ts';
import { TEST_COST } from './_harness.ts';

const SCHEMA = testSchema(import.meta.url);
// The cost the app asks for now: the harness's test cost. OLDER is a weaker one from before.
const CURRENT: ScryptCost = TEST_COST;
const OLDER: ScryptCost = { N: 2 ** 10, r: 4, p: 1 };
let pool: pg.Pool;
beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 4 });
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
  await createUsersTable(pool);
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
});

const addUser = async (email: string, password: string, cost: ScryptCost) =>
  insertUser(pool, { email, passwordHash: await hashPassword(password, { cost }) });

describe('checkCredentials', () => {
  it('a hash at the current cost: the user as stored, rehashed false, the row untouched', async () => {
    const stored = await addUser('current@example.com', 'pw-current', CURRENT);
    const result = await checkCredentials(pool, 'current@example.com', 'pw-current', { cost: CURRENT });
    expect(result).toEqual({ user: stored, rehashed: false });
    expect((await findUserByEmail(pool, 'current@example.com'))?.passwordHash).toBe(stored.passwordHash);
  });

  it('a hash at an older cost: rehashed true, and the user carries the new hash that is now stored', async () => {
    const stored = await addUser('older@example.com', 'pw-older', OLDER);
    const result = await checkCredentials(pool, 'older@example.com', 'pw-older', { cost: CURRENT });
    expect(result?.rehashed).toBe(true);
    expect(result?.user.passwordHash).not.toBe(stored.passwordHash);
    expect(parseHash(result?.user.passwordHash ?? '')?.cost).toEqual(CURRENT);
    expect((await findUserByEmail(pool, 'older@example.com'))?.passwordHash).toBe(result?.user.passwordHash);
  });

  it('two logins racing on one old hash: exactly one rewrites it, and the stored hash is that one', async () => {
    const old = await addUser('race@example.com', 'pw-race', OLDER);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        checkCredentials(pool, 'race@example.com', 'pw-race', { cost: CURRENT }),
      ),
    );
    const winners = results.filter((r) => r?.rehashed);
    expect(winners).toHaveLength(1);
    const stored = (await findUserByEmail(pool, 'race@example.com'))?.passwordHash;
    expect(winners[0]?.user.passwordHash).toBe(stored);
    // A loser reports the hash it verified: the old one (its update found it replaced) or the winner's.
    for (const loser of results.filter((r) => !r?.rehashed))
      expect([old.passwordHash, stored]).toContain(loser?.user.passwordHash);
  });

  it('a wrong password and an unknown email both give undefined', async () => {
    await addUser('known@example.com', 'pw-known', CURRENT);
    expect(await checkCredentials(pool, 'known@example.com', 'nope', { cost: CURRENT })).toBeUndefined();
    expect(
      await checkCredentials(pool, 'unknown@example.com', 'pw-known', { cost: CURRENT }),
    ).toBeUndefined();
  });
});
