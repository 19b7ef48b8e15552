/**
 * The schemas on their own, no HTTP: what is rejected, what is stripped, what is defaulted.
 */
import { describe, expect, it } from 'vitest';
import {
  fieldErrors,
  IdParams,
  PAGE_SIZE_MAX,
  User,
  UserCreate,
  UserListQuery,
  UserPatch,
  UserReplace,
  type UserRow,
} from '../src/index.ts';

const row: UserRow = {
  id: 1,
  name: 'Ada',
  email: 'ada@example.com',
  role: 'admin',
  password_hash: 'scrypt$salt$hash',
  flagged_for_review: true,
  created_at: new Date('2024-01-02T03:04:05.678Z'),
  updated_at: new Date('2024-01-02T03:04:05.678Z'),
};

describe('response schemas are allow-lists', () => {
  it('User keeps the public fields, drops internal ones, and writes dates as ISO strings', () => {
    expect(User.parse(row)).toEqual({
      id: 1,
      name: 'Ada',
      email: 'ada@example.com',
      role: 'admin',
      created_at: '2024-01-02T03:04:05.678Z',
      updated_at: '2024-01-02T03:04:05.678Z',
    });
  });

  it('a row that breaks the response contract throws instead of being sent', () => {
    expect(User.safeParse({ ...row, role: 'superuser' }).success).toBe(false);
    expect(User.safeParse({ ...row, created_at: 'yesterday' }).success).toBe(false);
  });
});

describe('request schemas are strict', () => {
  it('UserCreate defaults role to user and rejects unknown keys', () => {
    expect(UserCreate.parse({ name: ' Ada ', email: 'ada@example.com', password: 'long-enough' })).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      password: 'long-enough',
      role: 'user',
    });
    const result = UserCreate.safeParse({
      name: 'Ada',
      email: 'ada@example.com',
      password: 'long-enough',
      is_admin: true,
    });
    expect(result.success).toBe(false);
    expect(fieldErrors('body', result.error!.issues)).toEqual([
      { in: 'body', path: 'is_admin', message: 'unknown field', code: 'unknown_field' },
    ]);
  });

  it('UserReplace requires every writable field; UserPatch any non-empty subset', () => {
    expect(UserReplace.safeParse({ name: 'A', email: 'a@example.com' }).success).toBe(false);
    expect(UserReplace.safeParse({ name: 'A', email: 'a@example.com', role: 'user' }).success).toBe(true);
    expect(UserPatch.parse({ role: 'admin' })).toEqual({ role: 'admin' });
    expect(UserPatch.safeParse({}).success).toBe(false);
    expect(UserPatch.safeParse({ name: null }).success).toBe(false);
    expect(UserPatch.safeParse({ password: 'new-password' }).success).toBe(false);
  });
});

describe('path and query values', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['2147483647', 2147483647],
  ])('id %s is accepted as %d', (raw, id) => {
    expect(IdParams.parse({ id: raw })).toEqual({ id });
  });

  it.each(['0', '01', '-1', '+1', ' 1', '1 ', '0x10', '1e3', '1.0', '2147483648', ''])(
    'id %j is refused',
    (raw) => {
      expect(IdParams.safeParse({ id: raw }).success).toBe(false);
    },
  );

  it('the list query defaults page and page_size, and bounds page_size', () => {
    expect(UserListQuery.parse({})).toEqual({ page: 1, page_size: 20 });
    expect(UserListQuery.parse({ page: '2', page_size: String(PAGE_SIZE_MAX), role: 'admin' })).toEqual({
      page: 2,
      page_size: PAGE_SIZE_MAX,
      role: 'admin',
    });
    expect(UserListQuery.safeParse({ page_size: String(PAGE_SIZE_MAX + 1) }).success).toBe(false);
    expect(UserListQuery.safeParse({ role: ['user', 'admin'] }).success).toBe(false);
  });
});
