/** The body schemas and parseBody on their own: the exact edges of each rule and the detail sentence it gives. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loginBody, MAX_EMAIL_LENGTH, parseBody, refreshBody } from '../src/credentials.ts';

const login = (email: string, password = 'pw') => parseBody(loginBody, { email, password });
const refresh = (refreshToken: string) => parseBody(refreshBody, { refreshToken });

/** An address of exactly `length` characters. */
const emailOfLength = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;

describe('loginBody: email', () => {
  it(`accepts exactly ${MAX_EMAIL_LENGTH} characters and refuses one more`, () => {
    expect(login(emailOfLength(MAX_EMAIL_LENGTH))).toEqual({
      ok: true,
      value: { email: emailOfLength(MAX_EMAIL_LENGTH), password: 'pw' },
    });
    expect(login(emailOfLength(MAX_EMAIL_LENGTH + 1))).toEqual({
      ok: false,
      detail: `email: email is at most ${MAX_EMAIL_LENGTH} characters`,
    });
  });

  it('the whole (trimmed) value must be one address: text before or after it is refused', () => {
    for (const email of ['not me a@example.com', 'a@example.com or b', 'a@b@example.com'])
      expect(login(email)).toEqual({ ok: false, detail: 'email: email must look like name@example.com' });
  });

  it('the lookup key is trimmed and lower-cased', () => {
    expect(login('  Ada@Example.COM\t')).toEqual({
      ok: true,
      value: { email: 'ada@example.com', password: 'pw' },
    });
  });
});

describe('refreshBody', () => {
  it('accepts a compact JWT, an empty signature included', () => {
    expect(refresh('aa.bb.cc')).toEqual({ ok: true, value: { refreshToken: 'aa.bb.cc' } });
    expect(refresh('aa.bb.')).toEqual({ ok: true, value: { refreshToken: 'aa.bb.' } });
  });

  it('refuses anything before or after the three segments', () => {
    for (const token of ['x aa.bb.cc', 'aa.bb.cc x', 'aa.bb.cc.dd'])
      expect(refresh(token)).toEqual({
        ok: false,
        detail: 'refreshToken: refreshToken must be a compact JWT',
      });
  });
});

describe('parseBody', () => {
  it.each([
    ['null', null],
    ['an array', [{ email: 'a@example.com', password: 'pw' }]],
    ['a string', 'a@example.com'],
    ['undefined (no JSON body)', undefined],
  ])('%s is not a JSON object', (_name, value) => {
    expect(parseBody(loginBody, value)).toEqual({ ok: false, detail: 'the body must be a JSON object' });
  });

  it('prefixes the detail with the path of the field at fault', () => {
    expect(parseBody(loginBody, { email: 'a@example.com' })).toEqual({
      ok: false,
      detail: 'password: password must be a string',
    });
  });

  it('a nested path is joined with dots', () => {
    const nested = z.object({ user: z.object({ name: z.string({ error: 'name must be a string' }) }) });
    expect(parseBody(nested, { user: {} })).toEqual({
      ok: false,
      detail: 'user.name: name must be a string',
    });
  });

  it('an issue with no path (an unexpected key) is the bare message', () => {
    expect(parseBody(loginBody, { email: 'a@example.com', password: 'pw', role: 'admin' })).toEqual({
      ok: false,
      detail: 'Unrecognized key: "role"',
    });
  });
});
