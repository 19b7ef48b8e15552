import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapedOrderBy, sortAllowlist } from '../src/sort-allowlist.ts';
import { createUsersTable, seedUsers } from '../src/users.ts';

const sort = sortAllowlist(
  { name: 'display_name', joined: 'created_at' },
  { fallback: 'joined', tieBreaker: 'id' },
);
const ALLOWED = ['name', '-name', 'joined', '-joined'];

describe('sortAllowlist', () => {
  it('lists the names it accepts', () => {
    expect(sort.names).toEqual(['name', 'joined']);
  });

  it.each([
    [undefined, '"created_at" ASC, "id" ASC'],
    ['', '"created_at" ASC, "id" ASC'],
    ['name', '"display_name" ASC, "id" ASC'],
    ['-name', '"display_name" DESC, "id" DESC'],
    ['-joined', '"created_at" DESC, "id" DESC'],
  ])('%j → ORDER BY %s', (raw, orderBy) => {
    const parsed = sort.parse(raw);
    expect(parsed).toMatchObject({ ok: true, sort: { orderBy } });
  });

  it('reports the chosen name and direction', () => {
    expect(sort.parse('-name')).toEqual({
      ok: true,
      sort: { name: 'name', direction: 'DESC', orderBy: '"display_name" DESC, "id" DESC' },
    });
  });

  it.each([
    'password_hash',
    'display_name',
    'name; DROP TABLE users',
    'name" DESC, (SELECT 1) --',
    '__proto__',
    'constructor',
    'toString',
    '--name',
    'NAME',
    'x'.repeat(10_000),
    'name\u0000',
    '\ud800',
  ])('refuses %j and lists the allowed names', (raw) => {
    const parsed = sort.parse(raw);
    expect(parsed).toMatchObject({ ok: false, allowed: ALLOWED });
    if (!parsed.ok) expect(parsed.detail.length).toBeLessThan(200);
  });

  it.each([[['name', 'joined']], [42], [{ name: 1 }], [null]])('refuses a non-string %j', (raw) => {
    expect(sort.parse(raw)).toEqual({
      ok: false,
      detail: 'sort must be given once, as one name',
      allowed: ALLOWED,
    });
  });
});

describe('escapeIdentifier: stops injection, not the choice of column', () => {
  const SCHEMA = testSchema(import.meta.url);
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = await testPostgres(import.meta.url, { max: 2 });
    await resetSchema(pool, SCHEMA);
    await createUsersTable(pool);
    await seedUsers(pool);
  });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await pool.end();
  });

  it('doubles the quote, so an injection attempt is one (missing) column name', async () => {
    const orderBy = escapedOrderBy('id" DESC; DROP TABLE users; --');
    expect(orderBy).toBe('"id"" DESC; DROP TABLE users; --" ASC');
    await expect(pool.query(`SELECT id FROM users ORDER BY ${orderBy}`)).rejects.toMatchObject({
      code: '42703',
    });
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM users');
    expect(rows[0]).toEqual({ n: 4 });
  });

  it('but sorts by password_hash when asked: the order of the rows leaks the column', async () => {
    const { rows } = await pool.query<{ id: number; password_hash: string }>(
      `SELECT id, password_hash FROM users ORDER BY ${escapedOrderBy('password_hash')}`,
    );
    const hashes = rows.map((r) => r.password_hash);
    expect(hashes).toEqual([...hashes].sort((a, b) => (a < b ? -1 : 1)));
    expect(rows.map((r) => r.id)).not.toEqual([1, 2, 3, 4]);
  });
});
