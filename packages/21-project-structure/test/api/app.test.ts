import { type Listening, listen } from '@lab/common/http';
import { problemViolations } from '@lab/common/problem';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { composeServices, createPostgresService } from '../../src/compose.ts';
import { memoryRepositories } from '../../src/repositories/memory.ts';
import { migrate } from '../../src/repositories/migrate.ts';

const SCHEMA = testSchema(import.meta.url);
let pool: pg.Pool;
let server: Listening;

beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 4 });
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
  await migrate(pool);
  server = await listen(createPostgresService(pool).app);
});
afterAll(async () => {
  await server.close();
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
});

interface Answer {
  status: number;
  type: string;
  location: string | null;
  body: Record<string, unknown>;
}

async function call(method: string, path: string, body?: string, base = server.url): Promise<Answer> {
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    location: response.headers.get('location'),
    body: (await response.json()) as Record<string, unknown>,
  };
}
const post = (path: string, value: unknown) => call('POST', path, JSON.stringify(value));

/** A problem answer: the status, the kit's body shape, and its code. */
function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.type).toBe('application/problem+json; charset=utf-8');
  expect(problemViolations(answer.body, status)).toEqual([]);
  expect(answer.body.code).toBe(code);
}

let emails = 0;
const newUser = () => ({ email: `API${++emails}@Example.com`, name: `User ${emails}` });
const lines = [{ sku: 'BOOK-1', quantity: 2, unitPriceCents: 1999 }];

describe('the users and orders API over HTTP on PostgreSQL', () => {
  it('POST /users → 201 with Location and the normalised user; GET /users/:id reads it back', async () => {
    const created = await post('/users', newUser());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: `api${emails}@example.com`, name: `User ${emails}` });
    expect(created.location).toBe(`/users/${created.body.id}`);
    const read = await call('GET', `/users/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('POST /users with a taken email → 409 email_taken', async () => {
    const user = newUser();
    await post('/users', user);
    expectProblem(await post('/users', { ...user, email: user.email.toUpperCase() }), 409, 'email_taken');
  });

  it('place, list, get and cancel an order; cancelling twice → 409 order_not_cancellable', async () => {
    const user = (await post('/users', newUser())).body;
    const placed = await post(`/users/${user.id}/orders`, { lines });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ userId: user.id, status: 'placed', totalCents: 3998, lines });
    expect(placed.location).toBe(`/orders/${placed.body.id}`);
    const listed = await call('GET', `/users/${user.id}/orders`);
    expect(listed.body).toEqual({ orders: [placed.body] });
    expect((await call('GET', `/orders/${placed.body.id}`)).body).toEqual(placed.body);
    const cancelled = await call('POST', `/orders/${placed.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expectProblem(await call('POST', `/orders/${placed.body.id}/cancel`), 409, 'order_not_cancellable');
  });

  it('unknown user and order → 404 user_not_found / order_not_found', async () => {
    expectProblem(await call('GET', '/users/2000000000'), 404, 'user_not_found');
    expectProblem(await call('GET', '/users/2000000000/orders'), 404, 'user_not_found');
    expectProblem(await post('/users/2000000000/orders', { lines }), 404, 'user_not_found');
    expectProblem(await call('GET', '/orders/2000000000'), 404, 'order_not_found');
    // Above PostgreSQL's integer range: NotFound from the service, never SQLSTATE 22003 from the database.
    expectProblem(await call('GET', '/users/99999999999'), 404, 'user_not_found');
  });

  it.each(['0', '-1', '1.5', '1e3', '0x10', 'abc', '%00', '0001'])(
    'a path id of %j → 400 invalid_id',
    async (id) => {
      expectProblem(await call('GET', `/users/${id}`), 400, 'invalid_id');
    },
  );

  it('an unknown route → 404 route_not_found', async () => {
    expectProblem(await call('DELETE', '/users/1'), 404, 'route_not_found');
  });
});

describe('adversarial bodies are refused with 4xx problem bodies, never a 500', () => {
  it('NUL in the name → 422 with the issue (PostgreSQL is never asked)', async () => {
    const answer = await call('POST', '/users', '{"email":"nul@example.com","name":"A\\u0000B"}');
    expectProblem(answer, 422, 'validation_failed');
    expect(answer.body.issues).toEqual([{ path: 'name', message: 'must not contain NUL (\\u0000)' }]);
  });

  it('a lone surrogate in the name → 422', async () => {
    const answer = await call('POST', '/users', '{"email":"s@example.com","name":"A\\ud800"}');
    expectProblem(answer, 422, 'validation_failed');
    expect(answer.body.issues).toEqual([{ path: 'name', message: 'must not contain a lone surrogate' }]);
  });

  it('a 10k-character name → 422', async () => {
    expectProblem(
      await post('/users', { email: 'long@example.com', name: 'x'.repeat(10_000) }),
      422,
      'validation_failed',
    );
  });

  it('wrong types, missing fields and extra fields → 422 naming each', async () => {
    const answer = await post('/users', { email: 7, admin: true });
    expectProblem(answer, 422, 'validation_failed');
    expect((answer.body.issues as Array<{ path: string }>).map((i) => i.path)).toEqual(['email', 'name', '']);
    expectProblem(
      await post('/users/1/orders', { lines: [{ sku: 'A', quantity: '2', unitPriceCents: 1 }] }),
      422,
      'validation_failed',
    );
  });

  it('an array body → 422; a bare string or null → 400 (express.json is strict: objects and arrays only)', async () => {
    expectProblem(await call('POST', '/users', '[]'), 422, 'validation_failed');
    for (const body of ['"x"', 'null'])
      expectProblem(await call('POST', '/users', body), 400, 'malformed_json');
  });

  it('malformed JSON → 400 malformed_json; an over-limit body → 413 payload_too_large', async () => {
    expectProblem(await call('POST', '/users', '{"email":'), 400, 'malformed_json');
    expectProblem(
      await call('POST', '/users', JSON.stringify({ name: 'x'.repeat(20_000) })),
      413,
      'payload_too_large',
    );
  });

  it('a JSON body in another charset or an unknown content-encoding → 415', async () => {
    const send = (headers: Record<string, string>) =>
      fetch(`${server.url}/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
    const charset = await send({ 'content-type': 'application/json; charset=latin1' });
    expect(charset.status).toBe(415);
    expect(((await charset.json()) as { code: string }).code).toBe('unsupported_charset');
    const encoding = await send({ 'content-encoding': 'br2' });
    expect(encoding.status).toBe(415);
    expect(((await encoding.json()) as { code: string }).code).toBe('unsupported_encoding');
  });

  it('a body that is not JSON (no content type) → 422, the service sees no input', async () => {
    const response = await fetch(`${server.url}/users`, { method: 'POST', body: 'email=a@example.com' });
    expect(response.status).toBe(422);
  });
});

describe('an unexpected error', () => {
  it('→ 500 internal_error with a generic detail; the error itself goes to onUnexpected', async () => {
    const store = memoryRepositories();
    const secret = new Error('password authentication failed for user "postgres" at 10.0.0.5');
    const services = composeServices({
      ...store,
      users: { ...store.users, findById: () => Promise.reject(secret) },
    });
    const seen: unknown[] = [];
    const broken = await listen(createApp(services, { onUnexpected: (error) => seen.push(error) }));
    try {
      const answer = await call('GET', '/users/1', undefined, broken.url);
      expectProblem(answer, 500, 'internal_error');
      expect(answer.body.detail).toBe('internal error');
      expect(JSON.stringify(answer.body)).not.toContain('10.0.0.5');
      expect(seen).toEqual([secret]);
      // A 4xx is the client's business: nothing reaches onUnexpected.
      expectProblem(await call('GET', '/users/abc', undefined, broken.url), 400, 'invalid_id');
      expect(seen).toHaveLength(1);
    } finally {
      await broken.close();
    }
  });
});
