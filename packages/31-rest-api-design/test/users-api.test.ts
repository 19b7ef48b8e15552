/**
 * Every row of the seed's RESTful URL table, through real HTTP against a real PostgreSQL: method, URL,
 * status code, and what the body and headers say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_KEYS, startApi, type TestApi, USER_KEYS } from './_api.ts';

const SEEDED = 45;
let api: TestApi;

beforeAll(async () => {
  api = await startApi(import.meta.url, SEEDED);
});
afterAll(async () => {
  expect(api.serverErrors).toEqual([]);
  await api.close();
});

interface UserBody {
  id: number;
  name: string;
  email: string;
  role: string;
  created_at: string;
  updated_at: string;
}
interface ListBody<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

describe('GET /api/v1/users (list users) → 200', () => {
  it('returns the first page with the default page size and the total', async () => {
    const res = await api.request('GET', '/api/v1/users');
    expect(res.status).toBe(200);
    const body = res.json as ListBody<UserBody>;
    expect(body).toMatchObject({ total: SEEDED, page: 1, page_size: 20 });
    expect(body.items.map((u) => u.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('pages by page and page_size, and keeps the total past the last page', async () => {
    const third = (await api.request('GET', '/api/v1/users?page=3&page_size=20')).json as ListBody<UserBody>;
    expect(third.items.map((u) => u.id)).toEqual([41, 42, 43, 44, 45]);
    expect(third.total).toBe(SEEDED);
    const beyond = (await api.request('GET', '/api/v1/users?page=4&page_size=20')).json as ListBody<UserBody>;
    expect(beyond).toEqual({ items: [], total: SEEDED, page: 4, page_size: 20 });
  });

  it('accepts page_size up to 100 and answers 400 above it, or below 1', async () => {
    const max = await api.request('GET', '/api/v1/users?page_size=100');
    expect(max.status).toBe(200);
    expect((max.json as ListBody<UserBody>).items).toHaveLength(SEEDED);
    for (const size of ['101', '0', '-1', 'ten', '2.5']) {
      const res = await api.request('GET', `/api/v1/users?page_size=${size}`);
      expect(res.status, `page_size=${size}`).toBe(400);
      expect(res.json).toMatchObject({ code: 'invalid_query', errors: [{ in: 'query', path: 'page_size' }] });
    }
  });

  it('filters by role, and the total counts the filtered set', async () => {
    const { rows } = await api.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM users WHERE role = 'admin'",
    );
    const res = await api.request('GET', '/api/v1/users?role=admin&page_size=100');
    const body = res.json as ListBody<UserBody>;
    expect(body.total).toBe(rows[0]?.n);
    expect(body.items).toHaveLength(body.total);
    expect(body.items.every((u) => u.role === 'admin')).toBe(true);
    expect((await api.request('GET', '/api/v1/users?role=owner')).status).toBe(400);
  });
});

describe('GET /api/v1/users/{id} (get one user) → 200 / 404', () => {
  it('returns the user', async () => {
    const res = await api.request('GET', '/api/v1/users/7');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: 7, name: 'User 7', email: 'user7@example.com', role: 'user' });
  });

  it('answers 404 in the error format for an id that does not exist', async () => {
    const res = await api.request('GET', '/api/v1/users/999999');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'user 999999 does not exist',
      code: 'not_found',
    });
  });
});

describe('POST /api/v1/users (create user) → 201', () => {
  it('answers 201 with a Location header that GETs the same user', async () => {
    const res = await api.request('POST', '/api/v1/users', {
      json: { name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical-engine' },
    });
    expect(res.status).toBe(201);
    const created = res.json as UserBody;
    expect(created).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', role: 'user' });
    expect(res.headers.get('location')).toBe(`/api/v1/users/${created.id}`);
    const fetched = await api.request('GET', res.headers.get('location')!);
    expect(fetched.status).toBe(200);
    expect(fetched.json).toEqual(created);
  });

  it('stores a hash of the password, never the password, and never returns either', async () => {
    const res = await api.request('POST', '/api/v1/users', {
      json: { name: 'Grace', email: 'grace@example.com', password: 'cobol-1959', role: 'admin' },
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.json as object)).toEqual(USER_KEYS);
    expect(res.text).not.toContain('cobol-1959');
    const { rows } = await api.pool.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [(res.json as UserBody).id],
    );
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$/);
    expect(res.text).not.toContain(rows[0]!.password_hash);
  });
});

describe('PUT vs PATCH /api/v1/users/{id} → 200 / 404', () => {
  const fresh = async (email: string) =>
    (
      await api.request('POST', '/api/v1/users', {
        json: { name: 'Before', email, password: 'long-enough', role: 'admin' },
      })
    ).json as UserBody;

  it('PATCH changes only the fields sent', async () => {
    const user = await fresh('patch-me@example.com');
    const res = await api.request('PATCH', `/api/v1/users/${user.id}`, { json: { name: 'After' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: 'After', email: 'patch-me@example.com', role: 'admin' });
  });

  it('PUT without every writable field is a 422 naming the missing ones, and changes nothing', async () => {
    const user = await fresh('put-partial@example.com');
    const res = await api.request('PUT', `/api/v1/users/${user.id}`, { json: { name: 'After' } });
    expect(res.status).toBe(422);
    const missing = (res.json as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(missing.sort()).toEqual(['email', 'role']);
    expect((await api.request('GET', `/api/v1/users/${user.id}`)).json).toMatchObject({ name: 'Before' });
  });

  it('PUT replaces the whole writable state', async () => {
    const user = await fresh('put-full@example.com');
    const res = await api.request('PUT', `/api/v1/users/${user.id}`, {
      json: { name: 'Replaced', email: 'replaced@example.com', role: 'user' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: user.id,
      name: 'Replaced',
      email: 'replaced@example.com',
      role: 'user',
    });
    expect((res.json as UserBody).created_at).toBe(user.created_at);
  });

  it('PATCH accepts application/merge-patch+json', async () => {
    const user = await fresh('merge-patch@example.com');
    const res = await api.request('PATCH', `/api/v1/users/${user.id}`, {
      body: JSON.stringify({ role: 'user' }),
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ role: 'user', name: 'Before' });
  });

  it('both answer 404 for a user that does not exist', async () => {
    const put = await api.request('PUT', '/api/v1/users/999999', {
      json: { name: 'X', email: 'x@example.com', role: 'user' },
    });
    const patch = await api.request('PATCH', '/api/v1/users/999999', { json: { name: 'X' } });
    expect([put.status, patch.status]).toEqual([404, 404]);
    expect(patch.json).toMatchObject({ code: 'not_found' });
  });
});

describe('DELETE /api/v1/users/{id} (delete user) → 204 / 404', () => {
  it('answers 204 with no body, after which the user is gone', async () => {
    // Seeded user 4 has no orders (user n has n % 4).
    const res = await api.request('DELETE', '/api/v1/users/4');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api.request('GET', '/api/v1/users/4')).status).toBe(404);
  });

  it('answers 404 for a user that does not exist (a second DELETE included)', async () => {
    const res = await api.request('DELETE', '/api/v1/users/8');
    expect(res.status).toBe(204);
    const again = await api.request('DELETE', '/api/v1/users/8');
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({ code: 'not_found' });
  });
});

describe("GET /api/v1/users/{id}/orders (user's orders) → 200", () => {
  interface OrderBody {
    id: number;
    user_id: number;
  }

  it("lists only that user's orders, with the total", async () => {
    const res = await api.request('GET', '/api/v1/users/7/orders');
    expect(res.status).toBe(200);
    const body = res.json as ListBody<OrderBody>;
    expect(body.total).toBe(3);
    expect(body.items.map((o) => o.user_id)).toEqual([7, 7, 7]);
    expect(Object.keys(body.items[0]!)).toEqual(ORDER_KEYS);
  });

  it('pages the orders too', async () => {
    const body = (await api.request('GET', '/api/v1/users/7/orders?page=2&page_size=2'))
      .json as ListBody<OrderBody>;
    expect(body).toMatchObject({ total: 3, page: 2, page_size: 2 });
    expect(body.items).toHaveLength(1);
  });

  it('tells an empty list (200) from a missing user (404)', async () => {
    const empty = await api.request('GET', '/api/v1/users/12/orders');
    expect(empty.status).toBe(200);
    expect(empty.json).toMatchObject({ items: [], total: 0 });
    expect((await api.request('GET', '/api/v1/users/999999/orders')).status).toBe(404);
  });
});

describe('internal columns never leave the server', () => {
  it('no response of any endpoint carries password_hash, flagged_for_review or processor_ref', async () => {
    // The database does hold them for these rows, so their absence below is the response schema's doing.
    const { rows } = await api.pool.query<{ flagged_for_review: boolean; refs: number }>(
      `SELECT flagged_for_review, (SELECT count(processor_ref)::int FROM orders WHERE user_id = 7) AS refs
       FROM users WHERE id = 7`,
    );
    expect(rows[0]).toEqual({ flagged_for_review: true, refs: 3 });
    const responses = await Promise.all([
      api.request('GET', '/api/v1/users?page_size=100'),
      api.request('GET', '/api/v1/users/7'),
      api.request('PATCH', '/api/v1/users/7', { json: { name: 'Seven' } }),
      api.request('PUT', '/api/v1/users/14', {
        json: { name: 'Fourteen', email: 'user14@example.com', role: 'user' },
      }),
      api.request('GET', '/api/v1/users/7/orders'),
    ]);
    for (const res of responses) {
      expect(res.status).toBe(200);
      for (const column of ['password_hash', 'flagged_for_review', 'processor_ref', 'scrypt$'])
        expect(res.text).not.toContain(column);
    }
    const list = responses[0]!.json as ListBody<UserBody>;
    for (const user of list.items) expect(Object.keys(user)).toEqual(USER_KEYS);
  });
});
