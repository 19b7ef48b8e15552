import { testPostgres } from '@lab/common/testing';
import { test as base, describe, expect } from 'vitest';
import { DuplicateEmailError, type Pool, UserStore } from '../src/users.ts';

/** What the fixtures did, in order: the proof that teardown runs, and runs after the test. */
const events: string[] = [];

const test = base.extend<{ pool: Pool; users: UserStore; ada: { id: number; email: string } }>({
  pool: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixtures a fixture needs from this pattern.
    async ({}, use) => {
      const pool = await testPostgres(import.meta.url);
      await pool.query('DROP TABLE IF EXISTS users');
      await new UserStore(pool).migrate();
      events.push('pool up');
      await use(pool);
      await pool.end();
    },
    { scope: 'file' },
  ],
  users: async ({ pool }, use) => {
    events.push('users');
    const users = new UserStore(pool);
    await use(users);
    await users.clear();
    events.push('users cleared');
  },
  // A fixture built on a fixture: pytest's `sample_user(db_connection)`.
  ada: async ({ users }, use) => {
    const ada = await users.add('ada@example.com', 'Ada');
    events.push('ada');
    await use(ada);
    events.push('ada done');
  },
});

describe('UserStore against the real PostgreSQL', () => {
  test('builds fixtures in dependency order: pool, users, ada', async ({ ada, users }) => {
    expect(events).toEqual(['pool up', 'users', 'ada']);
    expect(await users.findByEmail('ada@example.com')).toEqual({
      id: ada.id,
      email: 'ada@example.com',
      name: 'Ada',
    });
  });

  test('tears down in reverse order after the test, and keeps the file-scoped pool', async ({ users }) => {
    expect(events).toEqual(['pool up', 'users', 'ada', 'ada done', 'users cleared', 'users']);
    expect(await users.count()).toBe(0);
  });

  test('finds an email whatever its case, and only that one', async ({ users, ada }) => {
    await users.add('grace@example.com', 'Grace');
    expect((await users.findByEmail('ADA@EXAMPLE.COM'))?.id).toBe(ada.id);
    expect(await users.findByEmail('nobody@example.com')).toBeUndefined();
    expect(await users.count()).toBe(2);
  });

  test('maps the unique-index violation to DuplicateEmailError, adding nothing', async ({ users, ada }) => {
    const attempt = users.add('Ada@Example.com', 'Imposter');
    await expect(attempt).rejects.toThrow(DuplicateEmailError);
    await expect(attempt).rejects.toMatchObject({
      name: 'DuplicateEmailError',
      email: 'Ada@Example.com',
      message: 'a user with email Ada@Example.com exists',
    });
    expect(await users.count()).toBe(1);
    expect((await users.findByEmail(ada.email))?.name).toBe('Ada');
  });

  test('lets other database errors through unchanged', async ({ pool }) => {
    const broken = new UserStore(pool);
    const error = await broken.add('x@example.com', null as unknown as string).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(DuplicateEmailError);
    expect((error as { code?: string }).code).toBe('23502');
  });
});
