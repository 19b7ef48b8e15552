import { problemViolations } from '@lab/common/problem';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningService, send, startService } from './_service.ts';

let service: RunningService;
beforeAll(async () => {
  service = await startService(import.meta.url);
});
afterAll(() => service.close());
beforeEach(() => service.capture.clear());

const user = (email: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ email, name: 'Ada', ...extra });
const messages = (requestId: string) => service.linesOf(requestId).map((r) => r.msg);

describe('the request id', () => {
  it('is generated when none comes in, echoed in the header, and on every line of the request', async () => {
    const res = await send(service.url, 'POST', '/users', { body: user('gen@example.com') });
    expect(res.status).toBe(201);
    expect(res.requestId).toMatch(/^gen-\d+$/);
    const id = res.requestId as string;
    expect(service.linesOf(id)).toEqual([
      { level: 'debug', module: 'users', requestId: id, call: 'users.register', msg: 'call started' },
      expect.objectContaining({ level: 'debug', module: 'users', call: 'users.register', msg: 'call done' }),
      expect.objectContaining({
        level: 'info',
        module: 'http',
        method: 'POST',
        path: '/users',
        status: 201,
        msg: 'request completed',
      }),
    ]);
    expect(service.capture.records).toHaveLength(3);
  });

  it("keeps the caller's well-formed X-Request-Id", async () => {
    const res = await send(service.url, 'GET', '/users/1', { headers: { 'x-request-id': 'edge-abc.123' } });
    expect(res.requestId).toBe('edge-abc.123');
    expect(messages('edge-abc.123')).toContain('request completed');
    expect(service.capture.withMessage('incoming request id replaced')).toEqual([]);
  });

  it('replaces a 10k-character id, logs why, and never writes the value', async () => {
    const long = 'a'.repeat(10_000);
    const res = await send(service.url, 'GET', '/users/1', { headers: { 'x-request-id': long } });
    expect(res.requestId).toMatch(/^gen-\d+$/);
    expect(service.linesOf(res.requestId as string)[0]).toMatchObject({
      level: 'info',
      msg: 'incoming request id replaced',
      refused: 'too_long',
    });
    expect(service.capture.text()).not.toContain('a'.repeat(200));
  });

  it('replaces a non-ASCII id and two joined headers', async () => {
    const headers = new Headers();
    headers.append('x-request-id', 'one');
    headers.append('x-request-id', 'two');
    const joined = await fetch(`${service.url}/users/1`, { headers });
    await joined.text();
    expect(joined.headers.get('x-request-id')).toMatch(/^gen-\d+$/);
    const accented = await send(service.url, 'GET', '/users/1', { headers: { 'x-request-id': 'caf\u00e9' } });
    expect(accented.requestId).toMatch(/^gen-\d+$/);
    expect(service.capture.withMessage('incoming request id replaced').map((r) => r.refused)).toEqual([
      'bad_characters',
      'bad_characters',
    ]);
  });
});

describe('layered errors → HTTP', () => {
  it('a duplicate email: PG 23505 → DuplicateKeyError → ConflictError → 409, logged at warn with the chain and no stack', async () => {
    await send(service.url, 'POST', '/users', { body: user('dup@example.com') });
    service.capture.clear();
    const res = await send(service.url, 'POST', '/users', { body: user('dup@example.com') });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status: 409, code: 'email_taken', requestId: res.requestId });
    expect(problemViolations(res.body, 409)).toEqual([]);
    const [line] = service.capture.withMessage('request refused');
    expect(line).toMatchObject({
      level: 'warn',
      module: 'http',
      requestId: res.requestId,
      status: 409,
      code: 'email_taken',
    });
    expect(line?.errorChain).toEqual([
      { type: 'ConflictError', message: 'dup@example.com is already registered', code: 'email_taken' },
      { type: 'DuplicateKeyError', message: 'duplicate key violates users_email_key' },
      {
        type: 'error',
        message: 'duplicate key value violates unique constraint "users_email_key"',
        code: '23505',
      },
    ]);
    expect(line).not.toHaveProperty('err');
    // The driver's `detail` repeats the row's values; it stays out of the log.
    expect(service.capture.text()).not.toContain('Key (email)');
  });

  it('a missing user → 404 at info', async () => {
    const res = await send(service.url, 'GET', '/users/999999');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'user_not_found', requestId: res.requestId });
    expect(service.capture.withMessage('request refused')[0]).toMatchObject({
      level: 'info',
      status: 404,
      errorChain: [{ type: 'NotFoundError', message: 'no user with id 999999', code: 'user_not_found' }],
    });
  });

  it('an unknown route → 404 route_not_found', async () => {
    const res = await send(service.url, 'DELETE', '/nowhere');
    expect(res.status).toBe(404);
    expect(res.body?.code).toBe('route_not_found');
  });

  it('a cancelled order cancelled again → 409 order_not_cancellable at warn', async () => {
    const created = await send(service.url, 'POST', '/users', { body: user('orders@example.com') });
    const userId = (created.body as { id: number }).id;
    const order = await send(service.url, 'POST', `/users/${userId}/orders`, {
      body: JSON.stringify({ lines: [{ sku: 'A-1', quantity: 1, unitPriceCents: 100 }] }),
    });
    const orderId = (order.body as { id: number }).id;
    expect((await send(service.url, 'POST', `/orders/${orderId}/cancel`)).status).toBe(200);
    service.capture.clear();
    const again = await send(service.url, 'POST', `/orders/${orderId}/cancel`);
    expect(again.status).toBe(409);
    expect(service.capture.withMessage('request refused')[0]).toMatchObject({
      level: 'warn',
      code: 'order_not_cancellable',
    });
  });
});

describe('bad input → 4xx problem, logged at info', () => {
  const cases: Array<[string, string, string, string | undefined, number, string]> = [
    ['NUL in a JSON string', 'POST', '/users', user('nul\u0000@example.com'), 422, 'validation_failed'],
    ['NUL in the path', 'GET', '/users/%00', undefined, 400, 'invalid_id'],
    [
      'a lone surrogate',
      'POST',
      '/users',
      '{"email":"a@example.com","name":"\\ud800"}',
      422,
      'validation_failed',
    ],
    [
      'a 10k-character name',
      'POST',
      '/users',
      JSON.stringify({ email: 'l@example.com', name: 'n'.repeat(10_000) }),
      422,
      'validation_failed',
    ],
    ['a wrong type', 'POST', '/users', JSON.stringify({ email: 42, name: 'Ada' }), 422, 'validation_failed'],
    ['a missing field', 'POST', '/users', JSON.stringify({ name: 'Ada' }), 422, 'validation_failed'],
    ['an extra field', 'POST', '/users', user('x@example.com', { admin: true }), 422, 'validation_failed'],
    ['malformed JSON', 'POST', '/users', '{"email":', 400, 'malformed_json'],
    ['a 10k-digit id', 'GET', `/users/${'9'.repeat(10_000)}`, undefined, 400, 'invalid_id'],
  ];
  it.each(cases)('%s', async (_, method, path, body, status, code) => {
    const res = await send(service.url, method, path, body === undefined ? {} : { body });
    expect(res.status).toBe(status);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, requestId: res.requestId });
    expect(problemViolations(res.body, status)).toEqual([]);
    expect(service.capture.withMessage('request refused')).toEqual([
      expect.objectContaining({ level: 'info', status, code, requestId: res.requestId }),
    ]);
  });
});

describe('secrets', () => {
  it('neither the Authorization header, a cookie nor a password in the body reaches the log', async () => {
    const headers = { authorization: 'Bearer tok-9f8e7d', cookie: 'sid=cookie-1a2b3c' };
    const refused = await send(service.url, 'POST', '/users', {
      body: user('s@example.com', { password: 'hunter2-6d5c' }),
      headers,
    });
    expect(refused.status).toBe(422);
    const ok = await send(service.url, 'POST', '/users?token=query-tok-4b4b', {
      body: user('s@example.com'),
      headers,
    });
    expect(ok.status).toBe(201);
    const text = service.capture.text();
    for (const secret of ['tok-9f8e7d', 'cookie-1a2b3c', 'hunter2-6d5c', 'query-tok-4b4b'])
      expect(text).not.toContain(secret);
    expect(service.capture.records.length).toBeGreaterThanOrEqual(5);
  });
});

describe('50 concurrent requests', () => {
  it("never mix ids: each request's lines carry its own id, and only its lines do", async () => {
    const created = await send(service.url, 'POST', '/users', { body: user('many@example.com') });
    const existing = (created.body as { id: number }).id;
    service.capture.clear();
    const requests = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? send(service.url, 'POST', '/users', {
            body: user(`c${i}@example.com`),
            headers: { 'x-request-id': `conc-${i}` },
          })
        : send(service.url, 'GET', i % 4 === 1 ? `/users/${existing}` : `/users/${900_000 + i}`),
    );
    const answers = await Promise.all(requests);
    expect(new Set(answers.map((a) => a.requestId)).size).toBe(50);
    for (const [i, answer] of answers.entries()) {
      const id = answer.requestId as string;
      if (i % 2 === 0) expect(id).toBe(`conc-${i}`);
      const lines = service.linesOf(id);
      const call = i % 2 === 0 ? 'users.register' : 'users.get';
      const path = i % 2 === 0 ? '/users' : i % 4 === 1 ? `/users/${existing}` : `/users/${900_000 + i}`;
      const found = answer.status !== 404;
      expect(lines.map((r) => r.msg)).toEqual(
        found
          ? ['call started', 'call done', 'request completed']
          : ['call started', 'request refused', 'request completed'],
      );
      expect(lines[0]?.call).toBe(call);
      expect(lines.at(-1)).toMatchObject({ path, status: answer.status });
    }
    expect(service.capture.records).toHaveLength(150);
    expect(service.capture.records.every((r) => typeof r.requestId === 'string')).toBe(true);
  });
});
