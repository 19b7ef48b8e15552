import { type Listening, listen } from '@lab/common/http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError, problemErrorHandler, toProblem } from '../src/errors.ts';
import { ForbiddenKeyError } from '../src/json-guard.ts';
import { SafeFetchError } from '../src/safe-fetch.ts';
import { checkCorsPolicy, securityMiddleware } from '../src/security-middleware.ts';

describe('checkCorsPolicy: refused at start-up', () => {
  it.each([
    [['*'], 'CORS origin * is not allowed here: list the exact origins'],
    [['null'], 'CORS origin null is not allowed here: list the exact origins'],
    [['https://app.example/'], 'CORS origin "https://app.example/" must be written as https://app.example'],
    [['HTTPS://APP.EXAMPLE'], 'CORS origin "HTTPS://APP.EXAMPLE" must be written as https://app.example'],
    [['app.example'], 'CORS origin "app.example" is not a URL'],
    [
      ['https://ok.example', 'https://ok.example/path'],
      'CORS origin "https://ok.example/path" must be written as https://ok.example',
    ],
  ])('%j', (origins, message) => {
    expect(() => checkCorsPolicy({ origins, credentials: true })).toThrow(new TypeError(message));
    expect(() => securityMiddleware({ cors: { origins } })).toThrow(TypeError);
  });

  it('accepts exact origins, ports included', () => {
    expect(() =>
      checkCorsPolicy({ origins: ['https://app.example', 'http://localhost:5173'] }),
    ).not.toThrow();
  });
});

describe('securityMiddleware without a CORS policy', () => {
  let server: Listening;
  beforeAll(async () => {
    const app = express();
    app.use(securityMiddleware({ bodyLimit: 64 }));
    app.post('/echo', (req, res) => {
      res.json({ body: req.body as unknown });
    });
    app.use(problemErrorHandler(() => {}));
    server = await listen(app);
  });
  afterAll(() => server.close());

  it('sends no CORS headers and keeps resources same-origin', async () => {
    const res = await fetch(`${server.url}/echo`, {
      method: 'POST',
      headers: { origin: 'https://app.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('the body limit is the option: 64 bytes pass, 65 do not', async () => {
    const body = (n: number) => JSON.stringify({ a: 'x'.repeat(n - 8) });
    const post = (text: string) =>
      fetch(`${server.url}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: text,
      });
    expect(body(64)).toHaveLength(64);
    expect((await post(body(64))).status).toBe(200);
    expect((await post(body(65))).status).toBe(413);
  });

  it('a POST without a body is let through to the route (which sees no body)', async () => {
    const res = await fetch(`${server.url}/echo`, { method: 'POST' });
    expect(await res.json()).toEqual({});
  });

  it.each(['application/json; charset=UTF-8', 'application/json; charset="utf-8"', 'application/json'])(
    '%s is accepted',
    async (type) => {
      const res = await fetch(`${server.url}/echo`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{"a":1}',
      });
      expect(await res.json()).toEqual({ body: { a: 1 } });
    },
  );
});

describe('toProblem', () => {
  it.each([
    [new HttpError(404, 'not_found', 'no user 9', { id: 9 }), 404, 'not_found', { id: 9 }],
    [new ForbiddenKeyError('__proto__'), 400, 'forbidden_key', {}],
    [
      new SafeFetchError('forbidden_address', 'x is a loopback address'),
      422,
      'url_refused',
      { reason: 'forbidden_address' },
    ],
    [new SafeFetchError('upstream_failed', 'down'), 502, 'upstream_failed', { reason: 'upstream_failed' }],
    [
      new SafeFetchError('response_too_large', 'big'),
      502,
      'upstream_failed',
      { reason: 'response_too_large' },
    ],
    [Object.assign(new Error('x'), { type: 'entity.too.large', status: 413 }), 413, 'body_too_large', {}],
    [
      Object.assign(new Error('x'), { type: 'charset.unsupported', status: 415 }),
      415,
      'unsupported_media_type',
      {},
    ],
    [Object.assign(new URIError('Failed to decode param'), { status: 400 }), 400, 'bad_request', {}],
  ])('%s → %i %s', (error, status, code, extensions) => {
    const { body, internal } = toProblem(error);
    expect(body).toMatchObject({ status, code, ...extensions });
    expect(internal).toBe(false);
  });

  it('a ZodError names the fields in detail and lists them in errors', () => {
    const result = z.strictObject({ name: z.string() }).safeParse({ name: 1, role: 'admin' });
    const { body } = toProblem(result.error);
    expect(body.detail).toBe('the request is invalid: name, role');
    expect(body.errors).toEqual([
      { path: 'name', code: 'invalid_type', message: 'Invalid input: expected string, received number' },
      { path: 'role', code: 'unknown_field', message: 'this field cannot be set here' },
    ]);
  });

  it.each([
    ['an unknown error', new Error('db password is hunter2')],
    ['a 4xx status marked private', Object.assign(new Error('secret'), { status: 403, expose: false })],
    ['a 5xx status', Object.assign(new Error('secret'), { status: 503 })],
    ['a thrown string', 'boom'],
    ['null', null],
  ])('%s → 500 that says nothing about it, marked internal', (_, error) => {
    const { body, internal } = toProblem(error);
    expect(body).toMatchObject({
      status: 500,
      code: 'internal_error',
      detail: 'the server failed to handle this request',
    });
    expect(internal).toBe(true);
  });
});
