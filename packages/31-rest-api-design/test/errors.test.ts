/**
 * Every error case answers in the one format, the kit's RFC 9457 problem body `{ type, title, status, detail,
 * code, errors? }`, with the right 4xx, and bad input
 * never reaches a 500 or shows a stack trace.
 */
import { gzipSync } from 'node:zlib';
import { listen } from '@lab/common';
import { testPostgres, testSchema } from '@lab/common/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp, ErrorBody, fieldErrors, toErrorReply } from '../src/index.ts';
import { type ApiResponse, countQueries, startApi, type TestApi } from './_api.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startApi(import.meta.url, 12);
});
afterAll(async () => {
  await api.close();
});

/** The shape every error shares, and nothing that looks like a stack trace or a driver message. */
function expectErrorFormat(res: ApiResponse, status: number, code: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(ErrorBody.strict().safeParse(res.json).success, res.text).toBe(true);
  expect(res.json).toMatchObject({ code, status });
  expect(res.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|SyntaxError|relation|constraint/);
  // Answered as the client's fault: nothing was reported as a server error.
  expect(api.serverErrors).toEqual([]);
}

const newUser = (email: string) => ({ name: 'Someone', email, password: 'long-enough' });

describe('400: the request itself is malformed', () => {
  it.each([
    ['truncated', '{"name":'],
    ['single quotes', "{'name': 'x'}"],
    ['trailing comma', '{"name": "x",}'],
    ['two documents', '{} {}'],
  ])('malformed JSON (%s) → malformed_json', async (_, body) => {
    const res = await api.request('POST', '/api/v1/users', {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expectErrorFormat(res, 400, 'malformed_json');
  });

  it.each([
    ['unknown parameter', 'pagesize=5', 'pagesize'],
    ['page not a number', 'page=abc', 'page'],
    ['page 0', 'page=0', 'page'],
    ['page too deep', 'page=1001', 'page'],
    ['role not in the enum', 'role=root', 'role'],
    ['role repeated', 'role=user&role=admin', 'role'],
  ])('bad query parameter (%s) → invalid_query naming it', async (_, query, path) => {
    const res = await api.request('GET', `/api/v1/users?${query}`);
    expectErrorFormat(res, 400, 'invalid_query');
    expect(res.json).toMatchObject({ errors: [{ in: 'query', path }] });
  });

  it.each(['abc', '0', '-1', '0x10', '1e3', '01', '1.0', '2147483648', '99999999999'])(
    'id %s in the path → invalid_path (never reaches the database)',
    async (id) => {
      const { count } = await countQueries(api.pool, async () => {
        const res = await api.request('GET', `/api/v1/users/${id}`);
        expectErrorFormat(res, 400, 'invalid_path');
      });
      expect(count).toBe(0);
    },
  );

  it('a broken %-escape in the path → 400, not a 500', async () => {
    expectErrorFormat(await api.request('GET', '/api/v1/users/%E0%A4%A'), 400, 'bad_request');
  });
});

describe('404 and 405: no such resource, route or method', () => {
  it.each(['/api/v1/nope', '/api/v2/users', '/api/v1/users/1/invoices', '/'])(
    '%s → route_not_found',
    async (path) => {
      expectErrorFormat(await api.request('GET', path), 404, 'route_not_found');
    },
  );

  it('a path that exists under other methods → 405 with Allow', async () => {
    const collection = await api.request('DELETE', '/api/v1/users');
    expectErrorFormat(collection, 405, 'method_not_allowed');
    expect(collection.headers.get('allow')).toBe('GET, POST, HEAD');
    const item = await api.request('POST', '/api/v1/users/1');
    expectErrorFormat(item, 405, 'method_not_allowed');
    expect(item.headers.get('allow')).toBe('GET, PUT, PATCH, DELETE, HEAD');
  });
});

describe('409: conflicts decided by the database', () => {
  it('a duplicate email, in any letter case → email_taken', async () => {
    expect((await api.request('POST', '/api/v1/users', { json: newUser('dup@example.com') })).status).toBe(
      201,
    );
    const res = await api.request('POST', '/api/v1/users', { json: newUser('DUP@Example.com') });
    expectErrorFormat(res, 409, 'email_taken');
  });

  it('create is one INSERT: no pre-check query that two requests could both pass', async () => {
    const { count, texts } = await countQueries(api.pool, () =>
      api.request('POST', '/api/v1/users', { json: newUser('one-query@example.com') }),
    );
    expect(count).toBe(1);
    expect(texts[0]).toMatch(/^INSERT INTO users/);
  });

  it('concurrent creates with one email: exactly one 201, the rest 409', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.request('POST', '/api/v1/users', {
          json: newUser(i % 2 ? 'race@example.com' : 'RACE@example.com'),
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const { rows } = await api.pool.query("SELECT id FROM users WHERE lower(email) = 'race@example.com'");
    expect(rows).toHaveLength(1);
  });

  it('PUT and PATCH onto another user’s email → email_taken, and the user is unchanged', async () => {
    const put = await api.request('PUT', '/api/v1/users/2', {
      json: { name: 'Two', email: 'USER3@example.com', role: 'user' },
    });
    expectErrorFormat(put, 409, 'email_taken');
    const patch = await api.request('PATCH', '/api/v1/users/2', { json: { email: 'user3@example.com' } });
    expectErrorFormat(patch, 409, 'email_taken');
    expect((await api.request('GET', '/api/v1/users/2')).json).toMatchObject({ email: 'user2@example.com' });
  });

  it('deleting a user who has orders → user_has_orders, and the user stays', async () => {
    const res = await api.request('DELETE', '/api/v1/users/3');
    expectErrorFormat(res, 409, 'user_has_orders');
    expect((await api.request('GET', '/api/v1/users/3')).status).toBe(200);
  });
});

describe('413 and 415: the body is too large or not JSON', () => {
  it('a body over 16 KiB → body_too_large, before any validation or query', async () => {
    const { count } = await countQueries(api.pool, async () => {
      const res = await api.request('POST', '/api/v1/users', {
        json: { ...newUser('big@example.com'), name: 'x'.repeat(20_000) },
      });
      expectErrorFormat(res, 413, 'body_too_large');
    });
    expect(count).toBe(0);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['form data', 'application/x-www-form-urlencoded'],
    ['XML', 'application/xml'],
  ])('a %s body → unsupported_media_type', async (_, type) => {
    const res = await api.request('POST', '/api/v1/users', {
      body: JSON.stringify(newUser('typed@example.com')),
      headers: { 'content-type': type },
    });
    expectErrorFormat(res, 415, 'unsupported_media_type');
  });

  it('a body with no Content-Type → unsupported_media_type', async () => {
    // fetch labels a string body text/plain; raw bytes go out with no Content-Type at all.
    const res = await fetch(`${api.url}/api/v1/users`, {
      method: 'POST',
      body: new TextEncoder().encode(JSON.stringify(newUser('no-type@example.com'))),
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect([res.status, await res.json()]).toEqual([
      415,
      {
        type: 'about:blank',
        title: 'Unsupported Media Type',
        status: 415,
        detail: 'send the body as application/json with a Content-Type header',
        code: 'unsupported_media_type',
      },
    ]);
  });

  it.each([
    'application/json; charset=latin1',
    'application/json; charset=utf-7',
    'application/json; charset=UTF-16LE',
    'application/json;charset="utf-32"',
    'application/merge-patch+json; charset=utf-7',
  ])('a JSON body labelled %s → 415, nothing written', async (type) => {
    const email = `charset-${type.length}@example.com`;
    const res = await api.request(
      type.includes('merge') ? 'PATCH' : 'POST',
      type.includes('merge') ? '/api/v1/users/6' : '/api/v1/users',
      {
        body: JSON.stringify(type.includes('merge') ? { email } : newUser(email)),
        headers: { 'content-type': type },
      },
    );
    expectErrorFormat(res, 415, 'unsupported_media_type');
    expect((res.json as ErrorBody).detail).toBe(
      `send the body as UTF-8, not ${/charset=.*$/i.exec(type)?.[0].replaceAll('"', '').toLowerCase()}`,
    );
    const { rows } = await api.pool.query('SELECT 1 FROM users WHERE email = $1', [email]);
    expect(rows).toHaveLength(0);
  });

  it.each(['application/json; charset=utf-8', 'application/json; charset="UTF-8"', 'application/json'])(
    'a JSON body labelled %s is accepted',
    async (type) => {
      const res = await api.request('POST', '/api/v1/users', {
        body: JSON.stringify(newUser(`utf8-${type.length}@example.com`)),
        headers: { 'content-type': type },
      });
      expect(res.status, res.text).toBe(201);
    },
  );

  it('a 415 to PATCH lists the accepted patch formats in Accept-Patch', async () => {
    const res = await api.request('PATCH', '/api/v1/users/1', {
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectErrorFormat(res, 415, 'unsupported_media_type');
    expect(res.headers.get('accept-patch')).toBe('application/json, application/merge-patch+json');
  });
});

describe('422: well-formed JSON that breaks the rules', () => {
  it.each([
    ['missing fields', 'POST', '/api/v1/users', {}, ['name', 'email', 'password']],
    [
      'wrong types',
      'POST',
      '/api/v1/users',
      { name: 1, email: true, password: [] },
      ['name', 'email', 'password'],
    ],
    ['invalid email', 'POST', '/api/v1/users', newUser('not-an-email'), ['email']],
    ['blank name', 'POST', '/api/v1/users', { ...newUser('blank@example.com'), name: '   ' }, ['name']],
    [
      'short password',
      'POST',
      '/api/v1/users',
      { ...newUser('pw@example.com'), password: 'short' },
      ['password'],
    ],
    [
      'role not in the enum',
      'POST',
      '/api/v1/users',
      { ...newUser('r@example.com'), role: 'root' },
      ['role'],
    ],
    ['an array', 'POST', '/api/v1/users', [newUser('arr@example.com')], ['']],
    ['a bare string', 'POST', '/api/v1/users', 'user', ['']],
    ['PUT missing role', 'PUT', '/api/v1/users/1', { name: 'N', email: 'n@example.com' }, ['role']],
    ['empty PATCH', 'PATCH', '/api/v1/users/1', {}, ['']],
    ['null in PATCH', 'PATCH', '/api/v1/users/1', { name: null }, ['name']],
  ])('%s → validation_failed naming the fields', async (_, method, path, json, paths) => {
    const res = await api.request(method, path, { json });
    expectErrorFormat(res, 422, 'validation_failed');
    const errors = (res.json as ErrorBody).errors ?? [];
    expect(errors.every((e) => e.in === 'body')).toBe(true);
    // A field can break more than one rule; what matters is which fields are named.
    expect([...new Set(errors.map((e) => e.path))].sort()).toEqual([...paths].sort());
  });

  it('unknown fields are rejected one by one, not silently dropped', async () => {
    const res = await api.request('POST', '/api/v1/users', {
      json: { ...newUser('extra@example.com'), is_admin: true, password_hash: 'x' },
    });
    expectErrorFormat(res, 422, 'validation_failed');
    expect((res.json as ErrorBody).errors).toEqual([
      { in: 'body', path: 'is_admin', message: 'unknown field', code: 'unknown_field' },
      { in: 'body', path: 'password_hash', message: 'unknown field', code: 'unknown_field' },
    ]);
    const { rows } = await api.pool.query("SELECT 1 FROM users WHERE email = 'extra@example.com'");
    expect(rows).toHaveLength(0);
  });

  it('a typo in a PATCH is an error, not a 200 that changed nothing', async () => {
    const res = await api.request('PATCH', '/api/v1/users/1', { json: { rol: 'admin' } });
    expectErrorFormat(res, 422, 'validation_failed');
    expect((res.json as ErrorBody).errors?.map((e) => e.path)).toContain('rol');
  });
});

describe('hostile strings: NUL, lone surrogates, 10 000 characters', () => {
  const NUL = 'a\u0000b';
  const LONE_HIGH = 'a\uD800b';
  const LONE_LOW = '\uDC00ab';
  const LONG = 'x'.repeat(10_000);
  const writes = [
    ['POST', '/api/v1/users', { name: 'Hostile', email: 'hostile@example.com', password: 'long-enough' }],
    ['PUT', '/api/v1/users/4', { name: 'Hostile', email: 'hostile@example.com', role: 'user' }],
    ['PATCH', '/api/v1/users/4', { name: 'Hostile' }],
  ] as const;
  const cases = writes.flatMap(([method, path, valid]) =>
    Object.keys(valid).flatMap((field) =>
      (
        [
          ['NUL', NUL],
          ['a lone high surrogate', LONE_HIGH],
          ['a lone low surrogate', LONE_LOW],
          ['10 000 characters', LONG],
        ] as const
      ).map(([what, value]) => [method, field, what, path, { ...valid, [field]: value }] as const),
    ),
  );

  it.each(cases)(
    '%s with %s = %s → 422 naming the field, nothing written',
    async (method, field, _, path, json) => {
      const before = await api.pool.query('SELECT count(*)::int AS n, max(updated_at) AS changed FROM users');
      const res = await api.request(method, path, { json });
      expectErrorFormat(res, 422, 'validation_failed');
      expect((res.json as ErrorBody).errors?.map((e) => e.path)).toContain(field);
      const after = await api.pool.query('SELECT count(*)::int AS n, max(updated_at) AS changed FROM users');
      expect(after.rows).toEqual(before.rows);
    },
  );

  it('a well-formed pair (an emoji) is stored and read back as sent', async () => {
    const name = 'Ann \u{1F600}';
    const res = await api.request('PATCH', '/api/v1/users/5', { json: { name } });
    expect(res.status, res.text).toBe(200);
    expect((await api.request('GET', '/api/v1/users/5')).json).toMatchObject({ name });
  });

  it.each([
    ['role', `role=a%00b`],
    ['role', `role=${'x'.repeat(10_000)}`],
    ['page', `page=${'9'.repeat(10_000)}`],
  ])('%s in the query string with NUL or 10 000 characters → 400', async (path, query) => {
    const res = await api.request('GET', `/api/v1/users?${query}`);
    expectErrorFormat(res, 400, 'invalid_query');
    expect(res.json).toMatchObject({ errors: [{ in: 'query', path }] });
  });

  it.each(['%00', 'a%00', '%ED%A0%80', '9'.repeat(10_000)])('id %s in the path → 400', async (id) => {
    const res = await api.request('GET', `/api/v1/users/${id}`);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: expect.stringMatching(/^(invalid_path|bad_request)$/) });
  });

  it('a NUL that reaches PostgreSQL anyway (SQLSTATE 22021) → 422 invalid_text, not 500', async () => {
    const error = await api.pool.query('SELECT $1::text', [NUL]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: '22021' });
    expect(toErrorReply(error)).toEqual({
      status: 422,
      body: {
        type: 'about:blank',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'a text value contains a character that cannot be stored (U+0000)',
        code: 'invalid_text',
      },
      headers: {},
      internal: false,
    });
  });
});

describe('toErrorReply, for what no request to this API provokes', () => {
  const internal = {
    status: 500,
    body: {
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'the server failed to handle this request',
      code: 'internal_error',
    },
    headers: {},
    internal: true,
  };

  it('a real CHECK violation from PostgreSQL → 422 constraint_violation, without the driver’s words', async () => {
    const error = await api.pool
      .query("INSERT INTO users (name, email, password_hash) VALUES ('', 'check@example.com', 'h')")
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ code: '23514' });
    expect(toErrorReply(error)).toEqual({
      status: 422,
      body: {
        type: 'about:blank',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'a value is out of range',
        code: 'constraint_violation',
      },
      headers: {},
      internal: false,
    });
  });

  it('a unique violation on a constraint it does not know is a 500, not “email taken”', async () => {
    await api.pool.query('CREATE TABLE IF NOT EXISTS tags (name text UNIQUE)');
    await api.pool.query("INSERT INTO tags VALUES ('a') ON CONFLICT DO NOTHING");
    const error = await api.pool.query("INSERT INTO tags VALUES ('a')").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: '23505', constraint: 'tags_name_key' });
    expect(toErrorReply(error)).toEqual(internal);
  });

  // PostgreSQL before 18 reports a delete blocked by ON DELETE RESTRICT as 23503, 18 as 23001: the server
  // these tests run on gives one of the two, so the other is built by hand, as the driver would.
  it.each(['23503', '23001'])('SQLSTATE %s on orders_user_id_fkey → 409 user_has_orders', (code) => {
    const error = Object.assign(new pg.DatabaseError('blocked', 0, 'error'), {
      code,
      constraint: 'orders_user_id_fkey',
    });
    expect(toErrorReply(error)).toMatchObject({ status: 409, body: { code: 'user_has_orders' } });
    expect(toErrorReply(Object.assign(error, { constraint: 'other_fkey' }))).toEqual(internal);
    expect(toErrorReply(Object.assign(error, { constraint: undefined }))).toEqual(internal);
  });

  it('an http-errors 4xx the library marks safe is shown; a 5xx or an unsafe one is not', () => {
    const httpError = (status: number, expose?: boolean) =>
      Object.assign(new Error(`status ${status}`), { status, ...(expose === undefined ? {} : { expose }) });
    expect(toErrorReply(httpError(400))).toEqual({
      status: 400,
      body: {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'status 400',
        code: 'bad_request',
      },
      headers: {},
      internal: false,
    });
    expect(toErrorReply(httpError(499, true))).toMatchObject({ status: 499, internal: false });
    expect(toErrorReply(httpError(400, false))).toEqual(internal);
    expect(toErrorReply(httpError(399))).toEqual(internal);
    expect(toErrorReply(httpError(500))).toEqual(internal);
    expect(toErrorReply({ status: 400, message: 'not an Error' })).toEqual(internal);
    expect(toErrorReply('a string')).toEqual(internal);
  });

  it('body-parser errors: known types by their answer, an unknown type is a server fault', () => {
    const parserError = (type: string, status: number, extra: object = {}) =>
      Object.assign(new Error(`${type} happened`), { type, status, ...extra });
    expect(toErrorReply(parserError('entity.too.large', 413, { limit: 100 }))).toMatchObject({
      status: 413,
      body: { detail: 'the request body is larger than 100 bytes', code: 'body_too_large' },
    });
    expect(toErrorReply(parserError('entity.too.large', 413))).toMatchObject({
      body: { detail: 'the request body is larger than the limit bytes' },
    });
    expect(toErrorReply(parserError('charset.unsupported', 415))).toEqual({
      status: 415,
      body: {
        type: 'about:blank',
        title: 'Unsupported Media Type',
        status: 415,
        detail: 'charset.unsupported happened',
        code: 'unsupported_media_type',
      },
      headers: {},
      internal: false,
    });
    expect(toErrorReply(parserError('stream.not.readable', 500))).toEqual(internal);
  });

  it('fieldErrors names nested fields and nested unknown keys by their dotted path', () => {
    const schema = z.strictObject({ address: z.strictObject({ city: z.string() }) });
    const result = schema.safeParse({ address: { city: 1, zip: '1000', x: 0 } });
    expect(result.success).toBe(false);
    expect(fieldErrors('body', result.error?.issues ?? [])).toEqual([
      { in: 'body', path: 'address.city', message: expect.any(String), code: 'invalid_type' },
      { in: 'body', path: 'address.zip', message: 'unknown field', code: 'unknown_field' },
      { in: 'body', path: 'address.x', message: 'unknown field', code: 'unknown_field' },
    ]);
  });
});

describe('400 and 415 from the body parser itself', () => {
  it('a Content-Encoding the server cannot decode → 415; gzip is decoded', async () => {
    const body = JSON.stringify(newUser('gzip@example.com'));
    const unknown = await api.request('POST', '/api/v1/users', {
      body,
      headers: { 'content-type': 'application/json', 'content-encoding': 'compress' },
    });
    expectErrorFormat(unknown, 415, 'unsupported_media_type');
    const gzip = await fetch(`${api.url}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(body),
    });
    expect(gzip.status).toBe(201);
  });

  it('a body over the limit names the limit in bytes', async () => {
    const res = await api.request('POST', '/api/v1/users', {
      json: { ...newUser('limit@example.com'), name: 'x'.repeat(20_000) },
    });
    expect((res.json as ErrorBody).detail).toBe('the request body is larger than 16384 bytes');
  });
});

describe('500 is for server faults only', () => {
  it('every bad input above was answered without a single 500', () => {
    expect(api.serverErrors).toEqual([]);
  });

  it('a real fault answers a fixed message, and the error goes to onError, not to the client', async () => {
    // A schema with no tables: the query fails inside the server, the client is not to blame.
    const pool = await testPostgres(import.meta.url, { suffix: 'empty' });
    const reported: unknown[] = [];
    const server = await listen(createApp({ pool, onError: (error) => reported.push(error) }));
    try {
      const response = await fetch(`${server.url}/api/v1/users/1`);
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'the server failed to handle this request',
        code: 'internal_error',
      });
      expect(text).not.toMatch(/relation|users|\bat /);
      expect(reported).toHaveLength(1);
      expect(String(reported[0])).toMatch(/relation "users" does not exist/);
    } finally {
      await server.close();
      await pool.query(`DROP SCHEMA IF EXISTS ${testSchema(import.meta.url, 'empty')} CASCADE`);
      await pool.end();
    }
  });
});
