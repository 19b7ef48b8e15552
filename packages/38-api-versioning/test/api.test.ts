import { problemViolations } from '@lab/common/problem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHttpDate, parseLinkHeader, parseStructuredDate, VENDOR_TYPE } from '../src/index.ts';
import { DEPRECATED_AT, POLICY_URL, SUNSET, startApp } from './_app.ts';

let app: Awaited<ReturnType<typeof startApp>>;

beforeAll(async () => {
  app = await startApp();
  // Two users, created through each version, so both request adapters reach the one service.
  expect(
    (await app.request('POST', '/api/v1/users', { name: 'Ada Lovelace', email: 'ada@example.com' })).status,
  ).toBe(201);
  expect(
    (
      await app.request('POST', '/api/v2/users', {
        name: { first: 'Grace', last: 'Hopper' },
        email: 'grace@example.com',
      })
    ).status,
  ).toBe(201);
});
afterAll(async () => {
  await app.close();
});

describe('v1: the frozen contract', () => {
  it('GET and POST answer exactly the reviewed v1 shapes', async () => {
    const read = await app.request('GET', '/api/v1/users/2');
    const created = await app.request('POST', '/api/v1/users', {
      name: 'Alan Mathison Turing',
      email: 'alan@example.com',
    });
    const contract = {
      'GET /api/v1/users/2': read.json,
      'POST /api/v1/users': {
        status: created.status,
        location: created.headers.get('location'),
        body: created.json,
      },
    };
    await expect(`${JSON.stringify(contract, null, 2)}\n`).toMatchFileSnapshot('./v1-contract.json.snap');
  });

  it('v1 and v2 read the same record from the one service layer', async () => {
    const v1 = await app.request('GET', '/api/v1/users/1');
    const v2 = await app.request('GET', '/api/v2/users/1');
    expect(v1.json).toEqual({ id: 1, name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(v2.json).toEqual({
      id: 1,
      name: { first: 'Ada', last: 'Lovelace' },
      email: 'ada@example.com',
      createdAt: '2026-03-01T12:00:00.000Z',
      links: { self: '/api/v2/users/1' },
    });
  });
});

describe('deprecation headers on v1', () => {
  it('Deprecation is an RFC 9745 date (@unix-seconds), Sunset an IMF-fixdate after it', async () => {
    const res = await app.request('GET', '/api/v1/users/1');
    expect(res.headers.get('deprecation')).toBe('@1767225600');
    expect(parseStructuredDate(res.headers.get('deprecation') ?? '')).toEqual(DEPRECATED_AT);
    expect(res.headers.get('sunset')).toBe('Fri, 01 Jan 2027 00:00:00 GMT');
    expect(parseHttpDate(res.headers.get('sunset') ?? '')).toEqual(SUNSET);
  });

  it('Link names the successor of this very resource and the policy', async () => {
    const res = await app.request('GET', '/api/v1/users/1');
    expect(parseLinkHeader(res.headers.get('link') ?? '')).toEqual([
      { uri: '/api/v2/users/1', rel: 'successor-version' },
      { uri: POLICY_URL, rel: 'deprecation' },
    ]);
  });

  it('are sent on v1 errors too, and never on v2', async () => {
    const missing = await app.request('GET', '/api/v1/users/999');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('sunset')).toBe('Fri, 01 Jan 2027 00:00:00 GMT');
    const v2 = await app.request('GET', '/api/v2/users/1');
    expect([v2.headers.get('deprecation'), v2.headers.get('sunset'), v2.headers.get('link')]).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('deprecation headers on v1 writes and failed reads', () => {
  it('a v1 POST carries them, its successor the v2 collection; a v2 POST none', async () => {
    const v1 = await app.request('POST', '/api/v1/users', {
      name: 'Edsger Dijkstra',
      email: 'ewd@example.com',
    });
    expect(v1.status).toBe(201);
    expect(v1.headers.get('deprecation')).toBe('@1767225600');
    expect(parseLinkHeader(v1.headers.get('link') ?? '')[0]).toEqual({
      uri: '/api/v2/users',
      rel: 'successor-version',
    });
    const v2 = await app.request('POST', '/api/v2/users', {
      name: { first: 'Barbara', last: 'Liskov' },
      email: 'liskov@example.com',
    });
    expect(v2.status).toBe(201);
    expect([v2.headers.get('deprecation'), v2.headers.get('sunset'), v2.headers.get('link')]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('a v1 read with an id that is no id points at the v2 collection', async () => {
    const res = await app.request('GET', '/api/v1/users/abc');
    expect(res.status).toBe(400);
    expect(parseLinkHeader(res.headers.get('link') ?? '')[0]?.uri).toBe('/api/v2/users');
  });

  it('no answer names the framework (X-Powered-By is off)', async () => {
    const res = await app.request('GET', '/api/v2/users/1');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('versions that do not exist', () => {
  it.each([
    '/api/v3/users/1',
    '/api/v0/users',
    '/api/V1/users/1',
    '/api/latest/users/1',
    '/api/v12/users/1',
    '/api/xv1/users/1',
  ])('%s is a 404 problem naming the versions', async (path) => {
    const res = await app.request('GET', path);
    expect(res.status).toBe(404);
    expect(problemViolations(res.json, 404)).toEqual([]);
    expect(res.json).toMatchObject({ code: 'unknown_api_version', supportedVersions: ['v1', 'v2'] });
  });

  it('an unknown route inside a real version is a plain 404 naming it', async () => {
    const res = await app.request('GET', '/api/v2/orders');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 'not_found', detail: 'no route GET /api/v2/orders' });
  });

  it('routes inside a version are case-sensitive too: /api/v1/Users is not /api/v1/users', async () => {
    const res = await app.request('GET', '/api/v1/Users/1');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 'not_found', detail: 'no route GET /api/v1/Users/1' });
  });

  it('a path outside /api is a 404 problem as well', async () => {
    const res = await app.request('DELETE', '/users/1');
    expect(res.status).toBe(404);
    expect(problemViolations(res.json, 404)).toEqual([]);
    expect(res.json).toMatchObject({ code: 'not_found', detail: 'no route DELETE /users/1' });
  });

  it('the detail echoes at most 200 characters of the URL', async () => {
    for (const prefix of ['/api/v2/', '/']) {
      const path = `${prefix}${'x'.repeat(300)}`;
      const res = await app.request('GET', path);
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ code: 'not_found', detail: `no route GET ${path.slice(0, 200)}` });
    }
  });
});

describe('query and media-type versioning on /api/users/:id', () => {
  it('?version=2 and Accept version=2 give the v2 shape, labelled with the vendor type', async () => {
    for (const res of [
      await app.request('GET', '/api/users/1?version=2'),
      await app.request('GET', '/api/users/1', undefined, { accept: `${VENDOR_TYPE}; version=2` }),
    ]) {
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ name: { first: 'Ada' } });
      expect(res.headers.get('content-type')).toBe(`${VENDOR_TYPE}; version=2; charset=utf-8`);
      expect(res.headers.get('vary')).toBe('Accept');
    }
  });

  it('no version means v1, with the deprecation headers', async () => {
    const res = await app.request('GET', '/api/users/1', undefined, { accept: 'application/json' });
    expect(res.json).toEqual({ id: 1, name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(res.headers.get('deprecation')).toBe('@1767225600');
  });

  it('the query wins over the Accept header', async () => {
    const res = await app.request('GET', '/api/users/1?version=1', undefined, {
      accept: `${VENDOR_TYPE}; version=2`,
    });
    expect(res.json).toMatchObject({ name: 'Ada Lovelace' });
  });

  it('an unknown version is 400 in the query and 406 in Accept', async () => {
    const query = await app.request('GET', '/api/users/1?version=3');
    expect(query.status).toBe(400);
    expect(query.json).toMatchObject({ code: 'unsupported_version', supportedVersions: [1, 2] });
    const accept = await app.request('GET', '/api/users/1', undefined, {
      accept: `${VENDOR_TYPE}; version=9`,
    });
    expect(accept.status).toBe(406);
    expect(problemViolations(accept.json, 406)).toEqual([]);
  });

  it('a repeated, non-numeric, NUL or 10k-character version is a 400', async () => {
    for (const q of ['version=1&version=2', 'version=two', 'version=%00', `version=${'9'.repeat(10_000)}`]) {
      const res = await app.request('GET', `/api/users/1?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.json).toMatchObject({ code: 'invalid_version' });
    }
  });
});

describe('adversarial input is a 4xx problem, never a 500', () => {
  const create = (body: unknown, version = 2) => app.request('POST', `/api/v${version}/users`, body);

  it.each([
    ['NUL in a name', { name: { first: 'A\u0000', last: 'B' }, email: 'a@b.co' }],
    ['lone surrogate', { name: { first: '\ud800', last: 'B' }, email: 'a@b.co' }],
    ['10k characters', { name: { first: 'x'.repeat(10_000), last: 'B' }, email: 'a@b.co' }],
    ['wrong type', { name: 'Ada Lovelace', email: 'a@b.co' }],
    ['missing field', { name: { first: 'Ada', last: 'L' } }],
    ['extra field', { name: { first: 'Ada', last: 'L' }, email: 'a@b.co', admin: true }],
    ['not an object', [1, 2]],
  ])('v2 POST refuses %s with 400 invalid_body', async (_, body) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(problemViolations(res.json, 400)).toEqual([]);
    expect(res.json).toMatchObject({ code: 'invalid_body', detail: 'the body does not match the schema' });
  });

  it('each error names the field by its dotted path and says what is wrong with it', async () => {
    const res = await create({ name: { first: 'A\u0000', last: 'B' }, email: 'a@b.co' });
    expect(res.json).toMatchObject({
      errors: [{ path: 'name.first', message: 'must not contain NUL or unpaired surrogates' }],
    });
  });

  it('v1 POST refuses the v2 shape: each version validates its own contract', async () => {
    const res = await create({ name: { first: 'Ada', last: 'L' }, email: 'a@b.co' }, 1);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'invalid_body', errors: [{ path: 'name' }] });
  });

  it('broken JSON is 400 invalid_json; a body over 16 kB is 413', async () => {
    const broken = await create('{"name":');
    expect(broken.status).toBe(400);
    expect(broken.json).toMatchObject({ code: 'invalid_json', detail: 'the body is not valid JSON' });
    const big = await create({ name: { first: 'x'.repeat(20_000), last: 'y' }, email: 'a@b.co' });
    expect(big.status).toBe(413);
    expect(problemViolations(big.json, 413)).toEqual([]);
    expect(big.json).toMatchObject({
      code: 'body_too_large',
      detail: 'the request was refused (body_too_large)',
    });
  });

  it('a JSON body in a charset the parser does not read is 415', async () => {
    const res = await app.request('POST', '/api/v2/users', '{}', {
      'content-type': 'application/json; charset=koi8-r',
    });
    expect(res.status).toBe(415);
    expect(problemViolations(res.json, 415)).toEqual([]);
    expect(res.json).toMatchObject({ code: 'bad_request', detail: 'the request was refused (bad_request)' });
  });

  it('an unknown id is 404 user_not_found naming it', async () => {
    const res = await app.request('GET', '/api/v2/users/999');
    expect(res.status).toBe(404);
    expect(problemViolations(res.json, 404)).toEqual([]);
    expect(res.json).toMatchObject({ code: 'user_not_found', detail: 'no user has id 999' });
  });

  it.each(['abc', '0', '-1', '1.5', '%00', '9'.repeat(10_000), '%F0%9F%98%80'])(
    'GET /api/v2/users/%s is 400 invalid_id',
    async (id) => {
      const res = await app.request('GET', `/api/v2/users/${id}`);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 'invalid_id', detail: 'the id must be a positive integer' });
    },
  );
});
