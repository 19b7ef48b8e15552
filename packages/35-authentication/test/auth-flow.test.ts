/** /auth/login, /auth/refresh and /auth/logout over real HTTP, on real PostgreSQL and Redis. */
import { problemViolations } from '@lab/common/problem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSegments } from '../src/forged-tokens.ts';
import { findUserByEmail, type User } from '../src/users.ts';
import { type Harness, request, startHarness } from './_harness.ts';

let h: Harness;
let user: User;
beforeAll(async () => {
  h = await startHarness(import.meta.url, 'ES256');
  user = await h.addUser('ada@example.com', 'correct horse battery');
});
afterAll(() => h.close());

const post = (path: string, json: unknown, token?: string) =>
  request(h.server.url, path, { method: 'POST', json, ...(token === undefined ? {} : { token }) });
const login = (email: string, password: string) => post('/auth/login', { email, password });
const refresh = (refreshToken: string) => post('/auth/refresh', { refreshToken });
const tokensOf = (body: Record<string, unknown>) => ({
  access: String(body.accessToken),
  refresh: String(body.refreshToken),
});

describe('login', () => {
  it('issues an access and a refresh token, no-store', async () => {
    const reply = await login('ada@example.com', 'correct horse battery');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const { access, refresh: rt } = tokensOf(reply.body);
    const a = decodeSegments(access);
    const r = decodeSegments(rt);
    expect(a.header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(a.payload).toMatchObject({ sub: user.id, role: 'user', token_use: 'access' });
    expect((a.payload.exp as number) - (a.payload.iat as number)).toBe(900);
    expect(r.header.typ).toBe('refresh+jwt');
    expect(r.payload.fid).toBe(a.payload.fid);
    expect((await request(h.server.url, '/me', { token: access })).body).toEqual({
      id: user.id,
      role: 'user',
    });
  });

  it('the email is matched case-insensitively and trimmed', async () => {
    expect((await login('  ADA@Example.com ', 'correct horse battery')).status).toBe(200);
  });

  it('unknown email and wrong password get the same answer and cost one scrypt run each', async () => {
    h.scryptCalls.count = 0;
    const wrong = await login('ada@example.com', 'wrong password');
    expect(h.scryptCalls.count).toBe(1);
    const unknown = await login('nobody@example.com', 'wrong password');
    expect(h.scryptCalls.count).toBe(2);
    for (const reply of [wrong, unknown]) {
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'the email or the password is wrong',
        code: 'invalid_credentials',
      });
    }
    expect(wrong.headers.get('www-authenticate')).toBeNull();
  });

  it('a hash made at an older, lower cost is replaced at the next login, and the password still works', async () => {
    const old = { N: 2 ** 10, r: 4, p: 1 };
    await h.addUser('legacy@example.com', 'old but gold', 'user', old);
    expect((await findUserByEmail(h.pool, 'legacy@example.com'))?.passwordHash).toMatch(
      /^scrypt\$1024\$4\$1\$/,
    );
    h.scryptCalls.count = 0;
    expect((await login('legacy@example.com', 'old but gold')).status).toBe(200);
    expect(h.scryptCalls.count).toBe(2);
    expect((await findUserByEmail(h.pool, 'legacy@example.com'))?.passwordHash).toMatch(
      /^scrypt\$1024\$8\$1\$/,
    );
    h.scryptCalls.count = 0;
    expect((await login('legacy@example.com', 'old but gold')).status).toBe(200);
    expect(h.scryptCalls.count).toBe(1);
  });
});

describe('login: adversarial bodies get a 4xx problem, never a 500, and never reach scrypt', () => {
  const cases: Array<[string, string, number, string]> = [
    [
      'NUL in the email',
      JSON.stringify({ email: 'a\u0000@example.com', password: 'x' }),
      400,
      'email must not contain NUL',
    ],
    [
      'NUL in the password',
      JSON.stringify({ email: 'ada@example.com', password: 'a\u0000b' }),
      400,
      'password must not contain NUL',
    ],
    [
      'lone surrogate in the email',
      JSON.stringify({ email: '\ud800@example.com', password: 'x' }),
      400,
      'email must be well-formed Unicode (no lone surrogates)',
    ],
    [
      'lone surrogate in the password',
      JSON.stringify({ email: 'ada@example.com', password: 'pa\udbffss' }),
      400,
      'password must be well-formed Unicode (no lone surrogates)',
    ],
    [
      '10k-character email',
      JSON.stringify({ email: `${'a'.repeat(10_000)}@example.com`, password: 'x' }),
      400,
      'email is at most 254 characters',
    ],
    [
      '10k-character password',
      JSON.stringify({ email: 'ada@example.com', password: 'p'.repeat(10_000) }),
      400,
      'password is at most 1024 bytes of UTF-8',
    ],
    [
      '1025-byte password (one over the cap)',
      JSON.stringify({ email: 'ada@example.com', password: 'p'.repeat(1025) }),
      400,
      'password is at most 1024 bytes of UTF-8',
    ],
    [
      '1024 characters that are 2048 bytes',
      JSON.stringify({ email: 'ada@example.com', password: 'é'.repeat(1024) }),
      400,
      'password is at most 1024 bytes of UTF-8',
    ],
    [
      'a number for the password',
      JSON.stringify({ email: 'ada@example.com', password: 12345 }),
      400,
      'password must be a string',
    ],
    ['a missing password', JSON.stringify({ email: 'ada@example.com' }), 400, 'password must be a string'],
    [
      'an empty password',
      JSON.stringify({ email: 'ada@example.com', password: '' }),
      400,
      'password must not be empty',
    ],
    [
      'not an email',
      JSON.stringify({ email: 'ada', password: 'x' }),
      400,
      'email must look like name@example.com',
    ],
    [
      'an extra field',
      JSON.stringify({ email: 'ada@example.com', password: 'x', role: 'admin' }),
      400,
      'Unrecognized key: "role"',
    ],
    ['a JSON array', '[]', 400, 'the body must be a JSON object'],
    ['malformed JSON', '{"email":', 400, 'the body is not valid JSON'],
  ];
  it.each(cases)('%s → %i', async (_name, raw, status, detail) => {
    h.scryptCalls.count = 0;
    const reply = await request(h.server.url, '/auth/login', { method: 'POST', raw });
    expect(reply.status).toBe(status);
    expect(problemViolations(reply.body, status)).toEqual([]);
    expect(String(reply.body.detail)).toContain(detail);
    expect(h.scryptCalls.count).toBe(0);
  });

  it('a 1024-byte password is accepted (the cap is inclusive)', async () => {
    const password = 'p'.repeat(1024);
    await h.addUser('long@example.com', password);
    expect((await login('long@example.com', password)).status).toBe(200);
  });

  it('a 10 MB body: 413 before it is parsed', async () => {
    const raw = JSON.stringify({ email: 'ada@example.com', password: 'p'.repeat(10 * 1024 * 1024) });
    const reply = await request(h.server.url, '/auth/login', { method: 'POST', raw });
    expect(reply.status).toBe(413);
    expect(reply.body.code).toBe('payload_too_large');
  });

  it('no JSON content type: the body is not read, 400', async () => {
    const reply = await request(h.server.url, '/auth/login', {
      method: 'POST',
      raw: 'email=ada@example.com&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toBe('the body must be a JSON object');
  });
});

describe('refresh rotation with reuse detection', () => {
  it('a refresh token buys a new pair once; the new refresh token works in turn', async () => {
    const first = tokensOf((await login('ada@example.com', 'correct horse battery')).body);
    const second = await refresh(first.refresh);
    expect(second.status).toBe(200);
    expect(second.headers.get('cache-control')).toBe('no-store');
    const next = tokensOf(second.body);
    expect(next.refresh).not.toBe(first.refresh);
    expect(decodeSegments(next.refresh).payload.fid).toBe(decodeSegments(first.refresh).payload.fid);
    expect((await refresh(next.refresh)).status).toBe(200);
  });

  it('a reused refresh token revokes the whole family: its newer refresh token and its access tokens', async () => {
    const first = tokensOf((await login('ada@example.com', 'correct horse battery')).body);
    const next = tokensOf((await refresh(first.refresh)).body);
    expect((await request(h.server.url, '/me', { token: next.access })).status).toBe(200);

    const replay = await refresh(first.refresh);
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe('refresh_token_reused');

    const afterTheft = await refresh(next.refresh);
    expect(afterTheft.status).toBe(400);
    expect(afterTheft.body.code).toBe('token_revoked');
    const me = await request(h.server.url, '/me', { token: next.access });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('token_revoked');
    expect((await request(h.server.url, '/me', { token: first.access })).status).toBe(401);
  });

  it('two concurrent refreshes with the same token: exactly one wins, and the family is revoked', async () => {
    const first = tokensOf((await login('ada@example.com', 'correct horse battery')).body);
    const replies = await Promise.all([refresh(first.refresh), refresh(first.refresh)]);
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 400]);
    expect(replies.find((r) => r.status === 400)?.body.code).toBe('refresh_token_reused');
    const winner = tokensOf(replies.find((r) => r.status === 200)?.body ?? {});
    expect((await refresh(winner.refresh)).status).toBe(400);
  });

  it('another session of the same user is untouched by a reuse in one family', async () => {
    const a = tokensOf((await login('ada@example.com', 'correct horse battery')).body);
    const b = tokensOf((await login('ada@example.com', 'correct horse battery')).body);
    await refresh(a.refresh);
    await refresh(a.refresh);
    expect((await request(h.server.url, '/me', { token: b.access })).status).toBe(200);
    expect((await refresh(b.refresh)).status).toBe(200);
  });

  it('an access token sent to /auth/refresh: 400, its typ is wrong', async () => {
    const first = tokensOf((await login('ada@example.com', 'correct horse battery')).body);
    const reply = await refresh(first.access);
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('token_claim_invalid');
  });

  it('an expired refresh token: 400 token_expired (pinned clock)', async () => {
    const first = tokensOf((await login('ada@example.com', 'correct horse battery')).body);
    const { exp } = decodeSegments(first.refresh).payload as { exp: number };
    h.clock.set(exp * 1000);
    const reply = await refresh(first.refresh);
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('token_expired');
  });

  it.each([
    ['garbage', { refreshToken: 'abc' }, 'refreshToken must be a compact JWT'],
    ['NUL', { refreshToken: 'a.b\u0000.c' }, 'refreshToken must be a compact JWT'],
    ['a number', { refreshToken: 42 }, 'refreshToken must be a string'],
    ['missing', {}, 'refreshToken must be a string'],
    [
      '10k characters',
      { refreshToken: `${'a'.repeat(10_000)}.b.c` },
      'refreshToken is at most 4096 characters',
    ],
    ['an extra field', { refreshToken: 'a.b.c', admin: true }, 'Unrecognized key: "admin"'],
  ])('a bad refresh body (%s): 400', async (_name, json, detail) => {
    const reply = await post('/auth/refresh', json);
    expect(reply.status).toBe(400);
    expect(String(reply.body.detail)).toContain(detail);
  });

  it('a deleted user cannot refresh, and the family is revoked', async () => {
    const gone = await h.addUser('gone@example.com', 'temporary');
    const first = tokensOf((await login('gone@example.com', 'temporary')).body);
    await h.pool.query('DELETE FROM users WHERE id = $1', [gone.id]);
    expect((await refresh(first.refresh)).body.code).toBe('token_revoked');
    expect((await request(h.server.url, '/me', { token: first.access })).status).toBe(401);
  });
});

describe('logout', () => {
  it('ends the session: 204, then the access token and the refresh token are refused', async () => {
    const first = tokensOf((await login('ada@example.com', 'correct horse battery')).body);
    const out = await request(h.server.url, '/auth/logout', { method: 'POST', token: first.access });
    expect(out.status).toBe(204);
    expect((await request(h.server.url, '/me', { token: first.access })).body.code).toBe('token_revoked');
    expect((await refresh(first.refresh)).body.code).toBe('token_revoked');
  });

  it('needs a token: 401 with a challenge', async () => {
    const reply = await request(h.server.url, '/auth/logout', { method: 'POST' });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="api"');
  });
});
