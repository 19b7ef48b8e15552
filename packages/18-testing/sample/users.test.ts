// The integration test: real PostgreSQL, with fixtures that depend on fixtures and clean up after themselves.
import { testPostgres } from '@lab/common/testing';
import { test as base, describe, expect } from 'vitest';
import { DuplicateEmailError, type Pool, UserStore } from '../src/users.ts';

// pytest fixtures: `pool` lives for the file (scope="module"), `users` for one test and depends on `pool`.
const test = base.extend<{ pool: Pool; users: UserStore }>({
  pool: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixtures a fixture needs from this pattern.
    async ({}, use) => {
      const pool = await testPostgres(import.meta.url);
      await new UserStore(pool).migrate();
      await use(pool);
      await pool.end();
    },
    { scope: 'file' },
  ],
  users: async ({ pool }, use) => {
    const users = new UserStore(pool);
    await use(users);
    await users.clear();
  },
});

describe('UserStore on PostgreSQL', () => {
  test('adds a user and finds it by email, ignoring case', async ({ users }) => {
    const ada = await users.add('ada@example.com', 'Ada');
    expect(await users.findByEmail('ADA@example.com')).toEqual(ada);
  });

  test('refuses a second user with the same email, whatever its case', async ({ users }) => {
    await users.add('grace@example.com', 'Grace');
    await expect(users.add('Grace@Example.com', 'G.')).rejects.toThrow(DuplicateEmailError);
    expect(await users.count()).toBe(1);
  });

  test('starts from an empty table: the last test’s users were cleared', async ({ users }) => {
    expect(await users.count()).toBe(0);
  });
});
