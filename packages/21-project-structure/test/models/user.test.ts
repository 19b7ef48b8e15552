import { describe, expect, it } from 'vitest';
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, NewUser } from '../../src/models/user.ts';

const issues = (input: unknown) => {
  const result = NewUser.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('NewUser', () => {
  it('normalises the email (trimmed, lower-cased) and trims the name', () => {
    expect(NewUser.parse({ email: '  Ada@Example.COM ', name: ' Ada Lovelace ' })).toEqual({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
    });
  });

  it('refuses NUL in either field', () => {
    expect(issues({ email: 'a\u0000@example.com', name: 'Ada' })).toContain(
      'email: must not contain NUL (\\u0000)',
    );
    expect(issues({ email: 'a@example.com', name: 'A\u0000da' })).toEqual([
      'name: must not contain NUL (\\u0000)',
    ]);
  });

  it('refuses a lone surrogate but accepts a surrogate pair', () => {
    expect(issues({ email: 'a@example.com', name: 'Ada \ud800' })).toEqual([
      'name: must not contain a lone surrogate',
    ]);
    expect(issues({ email: 'a@example.com', name: 'Ada \udc00x' })).toEqual([
      'name: must not contain a lone surrogate',
    ]);
    expect(NewUser.parse({ email: 'a@example.com', name: 'Ada 😀' }).name).toBe('Ada 😀');
  });

  it('caps the name at MAX_NAME_LENGTH characters (limit passes, limit + 1 fails)', () => {
    expect(NewUser.parse({ email: 'a@example.com', name: 'x'.repeat(MAX_NAME_LENGTH) }).name).toHaveLength(
      100,
    );
    expect(issues({ email: 'a@example.com', name: 'x'.repeat(MAX_NAME_LENGTH + 1) })).toEqual([
      'name: Too big: expected string to have <=100 characters',
    ]);
    expect(issues({ email: 'a@example.com', name: 'x'.repeat(10_000) })).toHaveLength(1);
  });

  it('caps the email at 254 characters before normalising (a 10k-character one is refused)', () => {
    const at = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;
    expect(MAX_EMAIL_LENGTH).toBe(254);
    expect(issues({ email: at(10_000), name: 'Ada' })[0]).toMatch(/^email: Too big/);
    expect(issues({ email: at(255), name: 'Ada' })[0]).toMatch(/^email: Too big/);
  });

  it('refuses a blank name and an address that is not one', () => {
    expect(issues({ email: 'a@example.com', name: '   ' })).toEqual(['name: must not be blank']);
    expect(issues({ email: 'not-an-email', name: 'Ada' })).toEqual(['email: Invalid email address']);
  });

  it('refuses wrong types, missing fields and extra fields', () => {
    expect(issues({ email: 42, name: 'Ada' })).toEqual([
      'email: Invalid input: expected string, received number',
    ]);
    expect(issues({ email: 'a@example.com' })).toEqual([
      'name: Invalid input: expected string, received undefined',
    ]);
    expect(issues({ email: 'a@example.com', name: 'Ada', admin: true })).toEqual([
      ': Unrecognized key: "admin"',
    ]);
    expect(issues(null)).toEqual([': Invalid input: expected object, received null']);
  });
});
