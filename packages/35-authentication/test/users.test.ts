/** The users table on real PostgreSQL: a JWT `sub` that is not a bigint names no user instead of raising. */
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsersTable, findUserById, type User } from '../src/users.ts';

const SCHEMA = testSchema(import.meta.url);
const BIG_ID = '1234567890';
let pool: pg.Pool;
let user: User;
beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 2 });
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
  await createUsersTable(pool);
  // A many-digit id, as a table that has seen many sign-ups has.
  await pool.query(
    `INSERT INTO users (id, email, password_hash) OVERRIDING SYSTEM VALUE VALUES ($1, 'big@example.com', 'h')`,
    [BIG_ID],
  );
  user = { id: BIG_ID, email: 'big@example.com', passwordHash: 'h', role: 'user' };
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
});

describe('findUserById', () => {
  it('finds a user by a many-digit id', async () => {
    expect(await findUserById(pool, BIG_ID)).toEqual(user);
  });

  it.each([
    ['letters', 'abc'],
    ['zero', '0'],
    ['a leading zero', `0${BIG_ID}`],
    ['text after the digits', `${BIG_ID}x`],
    ['text before the digits', `x${BIG_ID}`],
    ['a sign', `-${BIG_ID}`],
    ['19 digits (past what bigint is sure to hold)', '9'.repeat(19)],
    ['empty', ''],
  ])('%s: no user, and no query error', async (_name, id) => {
    expect(await findUserById(pool, id)).toBeUndefined();
  });

  it('18 digits is still a lookup (and finds no one here)', async () => {
    expect(await findUserById(pool, '9'.repeat(18))).toBeUndefined();
  });
});
