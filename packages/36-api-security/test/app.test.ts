import { PROBLEM_CONTENT_TYPE, problemViolations } from '@lab/common/problem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUserRow } from '../src/users.ts';
import { ALLOWED_ORIGIN, type AppFixture, send, startApp } from './_app-fixture.ts';

let app: AppFixture;
let url: string;
beforeAll(async () => {
  app = await startApp(import.meta.url);
  url = app.server.url;
});
afterAll(() => app.close());

const json = (path: string, method: string, value: unknown) =>
  send(url + path, method, JSON.stringify(value));

/** The checks every error answer passes: the status, the problem media type, a conforming body. */
async function problem(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toBe(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(problemViolations(body, status)).toEqual([]);
  expect(body.code).toBe(code);
  return body;
}

describe('headers', () => {
  it('helmet sets its headers, tuned for a JSON API; X-Powered-By is gone', async () => {
    const res = await fetch(`${url}/users/1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('x-xss-protection')).toBe('0');
  });

  it('error answers carry the same headers (the stack runs before the routes)', async () => {
    const res = await fetch(`${url}/nowhere`);
    await problem(res, 404, 'not_found');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('CORS', () => {
  it('an allowlisted origin gets itself back, with credentials, and Vary: Origin', async () => {
    const res = await fetch(`${url}/users/1`, { headers: { origin: ALLOWED_ORIGIN } });
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it.each([
    'https://evil.example',
    'https://app.example.test.evil.example',
    'http://app.example.test',
    'null',
    '*',
  ])('%s gets no Access-Control-Allow-Origin (the browser then hides the response)', async (origin) => {
    const res = await fetch(`${url}/users/1`, { headers: { origin } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a preflight from the allowed origin lists methods and headers; one from elsewhere does not', async () => {
    const preflight = (origin: string) =>
      fetch(`${url}/users/1`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'content-type',
        },
      });
    const ok = await preflight(ALLOWED_ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT,PATCH,DELETE');
    expect(ok.headers.get('access-control-allow-headers')).toBe('Content-Type,Authorization');
    expect(ok.headers.get('access-control-max-age')).toBe('600');
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('body limits and parsing', () => {
  it('a body over 16 KiB → 413', async () => {
    await problem(
      await json('/users/1', 'PATCH', { displayName: 'x'.repeat(17_000) }),
      413,
      'body_too_large',
    );
  });

  it.each(['{"displayName":', '{displayName: "x"}', "{'a':1}", '{"a":1}}', '\u0000'])(
    'malformed JSON %j → 400',
    async (body) => {
      await problem(await send(`${url}/users/1`, 'PATCH', body), 400, 'malformed_json');
    },
  );

  it.each(['"just a string"', '42', 'null'])(
    'a non-object top level %s → 400 (strict parser)',
    async (body) => {
      await problem(await send(`${url}/users/1`, 'PATCH', body), 400, 'malformed_json');
    },
  );

  it.each([
    ['text/plain', 'unsupported_media_type'],
    ['application/x-www-form-urlencoded', 'unsupported_media_type'],
    ['application/json; charset=utf-16', 'unsupported_media_type'],
  ])('content-type %s → 415', async (type, code) => {
    await problem(
      await send(`${url}/users/1`, 'PATCH', '{"displayName":"x"}', { 'content-type': type }),
      415,
      code,
    );
  });
});

describe('prototype pollution', () => {
  const PAYLOADS = [
    ['__proto__', '{"__proto__":{"polluted":"yes"}}', '__proto__'],
    ['nested __proto__', '{"url":"http://public.test/","a":{"__proto__":{"polluted":"yes"}}}', '__proto__'],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":"yes"}}}', 'constructor.prototype'],
  ] as const;
  const ENDPOINTS = [
    ['PATCH', '/users/2'],
    ['PATCH', '/users/2/preferences'],
    ['POST', '/fetch'],
  ] as const;

  it.each(
    ENDPOINTS.flatMap(([method, path]) =>
      PAYLOADS.map(([name, body, key]) => [method, path, name, body, key]),
    ),
  )(
    '%s %s with a %s payload → 400 forbidden_key; Object.prototype untouched',
    async (method, path, _name, body, key) => {
      const answer = await problem(await send(url + path, method, body), 400, 'forbidden_key');
      expect(answer.detail).toBe(`the JSON body contains the key "${key}", which is refused`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.keys(Object.prototype)).toEqual([]);
    },
  );

  it('a plain "constructor" value is not a payload: it is validated like any other field', async () => {
    await problem(await json('/users/2', 'PATCH', { constructor: 'x' }), 400, 'validation_failed');
  });
});

describe('prototype pollution with the parser guard off: the safe merge still holds', () => {
  let open: AppFixture;
  beforeAll(async () => {
    open = await startApp(new URL('./app-unguarded.test.ts', import.meta.url).href, {
      security: { rejectPrototypeKeys: false },
    });
  });
  afterAll(() => open.close());

  it('PATCH preferences with __proto__ and constructor.prototype: stored without them, prototype clean', async () => {
    for (const body of [
      '{"theme":"dark","__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
    ]) {
      const res = await send(`${open.server.url}/users/3/preferences`, 'PATCH', body);
      expect(res.status).toBe(200);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const row = await getUserRow(open.pool, 3);
    expect(row?.preferences).toEqual({ theme: 'dark' });
    expect(open.internalErrors).toEqual([]);
  });
});

describe('mass assignment', () => {
  it.each([
    [{ displayName: 'Grace H', role: 'admin' }, ['role']],
    [{ isAdmin: true }, ['isAdmin']],
    [
      { displayName: 'G', role: 'admin', isAdmin: true, passwordHash: 'x' },
      ['role', 'isAdmin', 'passwordHash'],
    ],
    [{ is_admin: true }, ['is_admin']],
  ])('%j → 400 naming every unknown field, and nothing is written', async (body, fields) => {
    const before = await getUserRow(app.pool, 2);
    const answer = await problem(await json('/users/2', 'PATCH', body), 400, 'validation_failed');
    const errors = answer.errors as Array<{ path: string; code: string }>;
    expect(errors.filter((e) => e.code === 'unknown_field').map((e) => e.path)).toEqual(fields);
    expect(answer.detail).toMatch(new RegExp(`^the request is invalid: ${fields.join(', ')}`));
    expect(await getUserRow(app.pool, 2)).toEqual(before);
  });

  it('the fields a user may change are changed', async () => {
    const res = await json('/users/2', 'PATCH', {
      displayName: '  Grace Hopper  ',
      email: 'grace.h@example.test',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: 2,
      displayName: 'Grace Hopper',
      email: 'grace.h@example.test',
      role: 'member',
    });
    const row = await getUserRow(app.pool, 2);
    expect([row?.display_name, row?.role, row?.is_admin]).toEqual(['Grace Hopper', 'member', false]);
  });

  it.each([
    ['an empty patch', {}, ''],
    ['a wrong type', { displayName: 42 }, 'displayName'],
    ['a null', { displayName: null }, 'displayName'],
    ['a blank name', { displayName: '   ' }, 'displayName'],
    ['NUL in a field', { displayName: 'a\u0000b' }, 'displayName'],
    ['a lone surrogate in a field', { displayName: 'a\ud800b' }, 'displayName'],
    ['a 10k-character field', { displayName: 'x'.repeat(10_000) }, 'displayName'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['an array body', [{ displayName: 'x' }], ''],
  ])('%s → 400 validation_failed', async (_, body, path) => {
    const answer = await problem(await json('/users/2', 'PATCH', body), 400, 'validation_failed');
    expect((answer.errors as Array<{ path: string }>).map((e) => e.path)).toContain(path);
  });

  it('a 10k-character unknown key is named, cut to 64 characters', async () => {
    const answer = await problem(
      await json('/users/2', 'PATCH', { ['k'.repeat(10_000)]: 1 }),
      400,
      'validation_failed',
    );
    expect((answer.errors as Array<{ path: string }>)[0]?.path).toBe('k'.repeat(64));
  });

  it("another user's email → 409, not a 500", async () => {
    await problem(await json('/users/4', 'PATCH', { email: 'ada@example.test' }), 409, 'email_taken');
    expect(app.internalErrors).toEqual([]);
  });
});

describe('data exposure', () => {
  it('the row has password_hash and is_admin; the response has neither', async () => {
    const row = await getUserRow(app.pool, 1);
    expect(row?.password_hash).toMatch(/^scrypt\$[0-9a-f]{32}$/);
    expect(row?.is_admin).toBe(true);
    const res = await fetch(`${url}/users/1`);
    const text = await res.text();
    expect(Object.keys(JSON.parse(text)).sort()).toEqual([
      'displayName',
      'email',
      'id',
      'joinedAt',
      'preferences',
      'role',
    ]);
    expect(text).not.toContain(row?.password_hash);
    expect(text).not.toMatch(/password|is_admin|isAdmin/);
  });

  it('the list leaks nothing either, in any sort order', async () => {
    for (const sort of ['name', '-email', 'joined']) {
      const users = (await (await fetch(`${url}/users?sort=${sort}`)).json()) as Array<
        Record<string, unknown>
      >;
      expect(users).toHaveLength(4);
      for (const user of users) expect(Object.keys(user)).not.toContain('passwordHash');
    }
  });
});

describe('sorting', () => {
  it('sorts by an allowlisted name, descending with -', async () => {
    const ids = async (sort: string) =>
      ((await (await fetch(`${url}/users?sort=${sort}`)).json()) as Array<{ id: number }>).map((u) => u.id);
    expect(await ids('joined')).toEqual([1, 2, 3, 4]);
    expect(await ids('-joined')).toEqual([4, 3, 2, 1]);
  });

  it.each([
    ['password_hash', 'password_hash'],
    ['an injection', encodeURIComponent('name; DROP TABLE users --')],
    ['a repeated parameter', 'name&sort=email'],
    ['NUL', '%00'],
    ['a lone surrogate as UTF-8 bytes', '%ED%A0%80'],
    ['10k characters', 'n'.repeat(10_000)],
  ])('%s → 400 invalid_sort with the allowed names', async (_, sort) => {
    const answer = await problem(await fetch(`${url}/users?sort=${sort}`), 400, 'invalid_sort');
    expect(answer.allowed).toEqual(['name', '-name', 'email', '-email', 'joined', '-joined']);
  });
});

describe('ids and routes', () => {
  it.each(['abc', '0', '-1', '1.5', '2147483648', '9'.repeat(10_000), '%00'])(
    'GET /users/%s → 400 invalid_id',
    async (id) => {
      await problem(await fetch(`${url}/users/${id}`), 400, 'invalid_id');
    },
  );

  it('a missing user → 404', async () => {
    await problem(await fetch(`${url}/users/999`), 404, 'not_found');
    await problem(await json('/users/999', 'PATCH', { displayName: 'x' }), 404, 'not_found');
  });

  it.each([
    ['a broken %-escape', '%E0%A4%A'],
    ['a lone surrogate as UTF-8 bytes', '%ED%A0%80'],
  ])('%s in the path → 400 from the router, before any handler', async (_, id) => {
    await problem(await fetch(`${url}/users/${id}`), 400, 'bad_request');
  });
});

describe('POST /fetch', () => {
  it.each([
    ['loopback (127.0.0.2: the fixture exempts only 127.0.0.1)', 'http://127.0.0.2/', 'forbidden_address'],
    ['IPv6 loopback', 'http://[::1]/', 'forbidden_address'],
    ['metadata', 'http://169.254.169.254/latest/meta-data/', 'forbidden_address'],
    ['IPv4-mapped loopback', 'http://[::ffff:7f00:1]/', 'forbidden_address'],
    ['a file URL', 'file:///etc/passwd', 'scheme_not_allowed'],
    ['credentials', 'http://u:p@public.test/', 'credentials_in_url'],
    ['no such host', 'http://nowhere.test/', 'dns_failed'],
    ['not a URL', 'hello', 'invalid_url'],
  ])('%s → 422 url_refused', async (_, target, reason) => {
    const answer = await problem(await json('/fetch', 'POST', { url: target }), 422, 'url_refused');
    expect(answer.reason).toBe(reason);
  });

  it('an allowed URL is fetched and summarised', async () => {
    const port = new URL(url).port;
    const res = await json('/fetch', 'POST', { url: `http://public.test:${port}/users/1` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ url: `http://public.test:${port}/users/1`, status: 200, redirects: 0 });
    expect(body.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(String(body.preview))).toMatchObject({ id: 1 });
  });

  it.each([
    ['a missing url', {}],
    ['a wrong type', { url: 42 }],
    ['an extra field', { url: 'http://public.test/', follow: true }],
    ['NUL in the url', { url: 'http://public.test/\u0000' }],
    ['a 10k url', { url: `http://public.test/${'a'.repeat(10_000)}` }],
  ])('%s → 400 validation_failed', async (_, body) => {
    await problem(await json('/fetch', 'POST', body), 400, 'validation_failed');
  });
});

describe('nothing above was a server fault', () => {
  it('no error reached onError', () => {
    expect(app.internalErrors).toEqual([]);
  });
});
