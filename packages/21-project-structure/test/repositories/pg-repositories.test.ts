import { queryStats } from '@lab/common/services';
import { testPostgres, testPostgresThroughLink, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { translatePgError } from '../../src/repositories/_pg-errors.ts';
import {
  DuplicateKeyError,
  ForeignKeyError,
  InvalidTextError,
  RepositoryError,
} from '../../src/repositories/errors.ts';
import { migrate, runMigration, TABLES } from '../../src/repositories/migrate.ts';
import { PgOrderRepository } from '../../src/repositories/pg-order-repository.ts';
import { pgTransaction } from '../../src/repositories/pg-transaction.ts';
import { PgUserRepository } from '../../src/repositories/pg-user-repository.ts';

const SCHEMA = testSchema(import.meta.url);
let pool: pg.Pool;
let users: PgUserRepository;
let orders: PgOrderRepository;

beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 4 });
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
  await migrate(pool);
  users = new PgUserRepository(pool);
  orders = new PgOrderRepository(pool);
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
});

let emails = 0;
const newUser = () => ({ email: `user${++emails}@example.com`, name: `User ${emails}` });
const lines = [
  { sku: 'BOOK-1', quantity: 2, unitPriceCents: 1999 },
  { sku: 'PEN-2', quantity: 1, unitPriceCents: 150 },
];

describe('migrate', () => {
  it('creates the three tables in the pool schema and is idempotent, even run concurrently', async () => {
    await Promise.all([migrate(pool), migrate(pool), migrate(pool)]);
    const { rows } = await pool.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [SCHEMA],
    );
    expect(rows.map((r) => r.table_name)).toEqual([...TABLES].sort());
  });
});

describe('PgUserRepository', () => {
  it('inserts a user and reads it back by id', async () => {
    const input = newUser();
    const user = await users.insert(input);
    expect(user).toMatchObject(input);
    expect(user.id).toBeGreaterThan(0);
    expect(user.createdAt).toBeInstanceOf(Date);
    expect(await users.findById(user.id)).toEqual(user);
  });

  it('answers undefined for an id with no row', async () => {
    expect(await users.findById(2_000_000_000)).toBeUndefined();
  });

  it('translates a duplicate email (23505) to DuplicateKeyError naming users_email_key, pg error as cause', async () => {
    const input = newUser();
    await users.insert(input);
    const error = await users.insert(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateKeyError);
    expect((error as DuplicateKeyError).constraint).toBe('users_email_key');
    expect((error as DuplicateKeyError).message).toBe('duplicate key violates users_email_key');
    expect(((error as Error).cause as { code: string }).code).toBe('23505');
  });

  it('translates NUL in a text value (22021) to InvalidTextError when it gets past the model', async () => {
    const error = await users.insert({ email: 'nul@example.com', name: 'A\u0000B' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTextError);
    expect((error as Error).message).toBe('the database refused the bytes of a text value');
    expect(((error as Error).cause as { code: string }).code).toBe('22021');
  });
});

describe('PgOrderRepository', () => {
  it('inserts an order with its lines in order and reads it back', async () => {
    const user = await users.insert(newUser());
    const order = await orders.insert({ userId: user.id, totalCents: 4148, lines });
    expect(order).toMatchObject({ userId: user.id, status: 'placed', totalCents: 4148, lines });
    expect(await orders.findById(order.id)).toEqual(order);
    expect(await orders.findById(2_000_000_000)).toBeUndefined();
  });

  it('translates a missing user (23503) to ForeignKeyError naming orders_user_id_fkey', async () => {
    const error = await orders
      .insert({ userId: 2_000_000_000, totalCents: 1, lines })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignKeyError);
    expect((error as ForeignKeyError).constraint).toBe('orders_user_id_fkey');
    expect((error as Error).message).toBe('foreign key orders_user_id_fkey refers to a missing row');
    expect(((error as Error).cause as { code: string }).code).toBe('23503');
  });

  it("lists a user's orders newest first, with their lines, in one query", async () => {
    const user = await users.insert(newUser());
    const other = await users.insert(newUser());
    const first = await orders.insert({ userId: user.id, totalCents: 3998, lines: lines.slice(0, 1) });
    const second = await orders.insert({ userId: user.id, totalCents: 4148, lines });
    await orders.insert({ userId: other.id, totalCents: 150, lines: lines.slice(1) });
    const stats = queryStats(pool);
    stats.reset();
    const listed = await orders.listByUser(user.id);
    expect(stats.count).toBe(1);
    expect(listed.map((o) => o.id)).toEqual([second.id, first.id]);
    expect(listed[0]?.lines).toEqual(lines);
    expect(await orders.listByUser(2_000_000_000)).toEqual([]);
  });

  it('updateStatus moves placed → cancelled once; the second time answers undefined', async () => {
    const user = await users.insert(newUser());
    const order = await orders.insert({ userId: user.id, totalCents: 150, lines: lines.slice(1) });
    expect((await orders.updateStatus(order.id, 'placed', 'cancelled'))?.status).toBe('cancelled');
    expect(await orders.updateStatus(order.id, 'placed', 'cancelled')).toBeUndefined();
    expect((await orders.findById(order.id))?.status).toBe('cancelled');
  });
});

describe('pgTransaction', () => {
  const orderCount = async () => Number((await pool.query('SELECT count(*) AS n FROM orders')).rows[0].n);

  it('commits what the work wrote when it resolves', async () => {
    const user = await users.insert(newUser());
    const order = await pgTransaction(pool)((repos) =>
      repos.orders.insert({ userId: user.id, totalCents: 150, lines }),
    );
    expect(await orders.findById(order.id)).toEqual(order);
  });

  it('rolls back the order AND its lines when the work rejects after writing them', async () => {
    const user = await users.insert(newUser());
    const before = await orderCount();
    let written = 0;
    const error = await pgTransaction(pool)(async (repos) => {
      written = (await repos.orders.insert({ userId: user.id, totalCents: 150, lines })).id;
      throw new Error('payment declined');
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('payment declined');
    expect(written).toBeGreaterThan(0);
    expect(await orders.findById(written)).toBeUndefined();
    expect(await orderCount()).toBe(before);
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM order_lines WHERE order_id = $1', [
      written,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('returns the client to the pool either way (no leak after many units of work)', async () => {
    const run = pgTransaction(pool);
    for (let i = 0; i < 10; i++) await run(async () => Promise.reject(new Error('no'))).catch(() => {});
    for (let i = 0; i < 10; i++) await run(async (repos) => repos.users.findById(1));
    expect(pool.totalCount).toBeLessThanOrEqual(4);
    expect(pool.idleCount).toBe(pool.totalCount);
  });
});

describe('runMigration', () => {
  it('waits for the per-schema advisory lock another session holds, then runs its DDL', async () => {
    const holder = await pool.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock(hashtext($1 || current_schema()))', ['lab-21-lock:']);
    let finished = false;
    const running = runMigration(pool, 'lab-21-lock', 'CREATE TABLE IF NOT EXISTS migrated (id int)').then(
      () => {
        finished = true;
      },
    );
    // Another session waits on exactly this lock (the key is split into classid/objid in pg_locks).
    const waiting = async () =>
      (
        await holder.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
             AND objid::bigint = (hashtext($1 || current_schema())::bigint & 4294967295)`,
          ['lab-21-lock:'],
        )
      ).rows[0]?.n;
    await vi.waitFor(async () => expect(await waiting()).toBe(1));
    expect(finished).toBe(false);
    await holder.query('COMMIT');
    holder.release();
    await running;
    expect(finished).toBe(true);
    expect((await pool.query("SELECT to_regclass('migrated') IS NOT NULL AS made")).rows[0].made).toBe(true);
  });
});

describe('when the connection to PostgreSQL drops (a failover, a killed backend)', () => {
  const LOST = 'Connection terminated unexpectedly';

  it('pgTransaction rejects the unit of work, drops that client, and the next unit commits', async () => {
    await using db = await testPostgresThroughLink(import.meta.url, { max: 1 });
    const run = pgTransaction(db.pool);
    const user = await users.insert(newUser());
    const error = await run(async (repos) => {
      await repos.orders.insert({ userId: user.id, totalCents: 150, lines });
      db.link.drop();
      return repos.users.findById(user.id);
    }).catch((e: unknown) => e);
    // The process is still here: pg's 'error' event on the checked-out client did not go uncaught.
    expect((error as Error).message).toBe(LOST);
    expect(db.pool.totalCount).toBe(0);
    db.link.restore();
    const order = await run((repos) => repos.orders.insert({ userId: user.id, totalCents: 150, lines }));
    expect(await orders.findById(order.id)).toEqual(order);
  });

  it('runMigration rejects and destroys a client whose connection died, instead of pooling it', async () => {
    await using db = await testPostgresThroughLink(import.meta.url, { max: 1 });
    db.pool.once('acquire', () => db.link.drop());
    await expect(runMigration(db.pool, 'lab-21-test', 'SELECT 1')).rejects.toThrow(LOST);
    expect(db.pool.totalCount).toBe(0);
    db.link.restore();
    await runMigration(db.pool, 'lab-21-test', 'SELECT 1');
    expect(db.pool.idleCount).toBe(1);
  });
});

describe('translatePgError', () => {
  it('wraps other SQLSTATEs in RepositoryError and passes non-database errors through untouched', () => {
    const pgError = Object.assign(new Error('division by zero'), { code: '22012' });
    const translated = translatePgError(pgError) as RepositoryError;
    expect(translated).toBeInstanceOf(RepositoryError);
    expect(translated.message).toBe('database error 22012');
    expect(translated.cause).toBe(pgError);
    const plain = new TypeError('bug');
    expect(translatePgError(plain)).toBe(plain);
    expect(translatePgError('a string')).toBe('a string');
  });

  it('translates 22P05 (untranslatable character) to InvalidTextError with its own message', () => {
    const pgError = Object.assign(new Error('untranslatable'), { code: '22P05' });
    const error = translatePgError(pgError) as InvalidTextError;
    expect(error).toBeInstanceOf(InvalidTextError);
    expect(error.message).toBe('the database cannot store this text (untranslatable character)');
    expect(error.cause).toBe(pgError);
  });

  it('names an unknown constraint when the driver gives none', () => {
    const error = translatePgError(Object.assign(new Error('dup'), { code: '23505' })) as DuplicateKeyError;
    expect(error.constraint).toBe('unknown_constraint');
  });
});
