/**
 * The served OpenAPI 3.1 document: it lists exactly the seed's routes, every $ref resolves, each operation
 * points at the right component, and real responses validate against the schemas it publishes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JsonObject, OpenApiDocument } from '../src/index.ts';
import { startApi, type TestApi, USER_KEYS } from './_api.ts';

/** The seed's "RESTful URL Design" table: method, URL, success status. */
const URL_TABLE = [
  ['get', '/api/v1/users', '200'],
  ['get', '/api/v1/users/{id}', '200'],
  ['post', '/api/v1/users', '201'],
  ['put', '/api/v1/users/{id}', '200'],
  ['patch', '/api/v1/users/{id}', '200'],
  ['delete', '/api/v1/users/{id}', '204'],
  ['get', '/api/v1/users/{id}/orders', '200'],
] as const;

let api: TestApi;
let doc: OpenApiDocument;

beforeAll(async () => {
  api = await startApi(import.meta.url, 10);
  const res = await api.request('GET', '/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.json as OpenApiDocument;
});
afterAll(async () => {
  expect(api.serverErrors).toEqual([]);
  await api.close();
});

describe('the document as published', () => {
  // The document is the API's contract with its clients: every summary, description, status and schema in
  // it is something a client generator or a reader relies on. The reviewed copy sits next to this test, so
  // any change to the contract, deliberate or not, shows up in the diff (`vitest -u` accepts it).
  it('is exactly the reviewed one', async () => {
    await expect(`${JSON.stringify(doc, null, 2)}\n`).toMatchFileSnapshot('./openapi.json.snap');
  });
});

const operation = (method: string, path: string): JsonObject => {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return op;
};

/** Follows a local JSON pointer such as `#/components/schemas/User`. */
function resolve(ref: string): unknown {
  let node: unknown = doc;
  for (const key of ref.replace(/^#\//, '').split('/')) {
    node = node !== null && typeof node === 'object' ? (node as JsonObject)[key] : undefined;
  }
  return node;
}

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

/**
 * A zod validator built from the *published* schema, so the test checks the document, not our source.
 * zod resolves only `#/$defs/...` pointers, so the components are handed over as $defs, refs rewritten.
 */
function publishedSchema(name: string): z.ZodType {
  const asDefs = JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/');
  return z.fromJSONSchema({ $ref: `#/$defs/${name}`, $defs: JSON.parse(asDefs) });
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 JSON, served with a JSON content type', async () => {
    const res = await api.request('GET', '/api/v1/openapi.json');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({
      title: 'Users and orders',
      version: '1.0.0',
      description: expect.stringContaining('Part 4, Q1'),
      license: { name: 'MIT', identifier: 'MIT' },
    });
  });

  it('lists exactly the routes of the seed’s URL table, each with its success status', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(documented.sort()).toEqual(URL_TABLE.map(([method, path]) => `${method} ${path}`).sort());
    for (const [method, path, status] of URL_TABLE) {
      expect(Object.keys(operation(method, path).responses as JsonObject)).toContain(status);
    }
  });

  it('documents the 404 of every route on /users/{id}', () => {
    for (const [method, path] of URL_TABLE.filter(([, p]) => p.includes('{id}'))) {
      expect((operation(method, path).responses as JsonObject)['404']).toEqual({
        $ref: '#/components/responses/NotFound',
      });
    }
  });

  it('every $ref resolves inside the document', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(resolve(ref), ref).toBeTypeOf('object');
  });

  it('each operation points at the right schema component', () => {
    const bodyRef = (method: string, path: string, type = 'application/json') =>
      ((operation(method, path).requestBody as JsonObject).content as Record<string, { schema: unknown }>)[
        type
      ]?.schema;
    const answerRef = (method: string, path: string, status: string) =>
      (
        ((operation(method, path).responses as JsonObject)[status] as JsonObject).content as Record<
          string,
          { schema: unknown }
        >
      )['application/json']?.schema;
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

    expect(bodyRef('post', '/api/v1/users')).toEqual(ref('UserCreate'));
    expect(bodyRef('put', '/api/v1/users/{id}')).toEqual(ref('UserReplace'));
    expect(bodyRef('patch', '/api/v1/users/{id}')).toEqual(ref('UserPatch'));
    expect(bodyRef('patch', '/api/v1/users/{id}', 'application/merge-patch+json')).toEqual(ref('UserPatch'));
    expect(answerRef('get', '/api/v1/users', '200')).toEqual(ref('UserList'));
    expect(answerRef('post', '/api/v1/users', '201')).toEqual(ref('User'));
    expect(answerRef('get', '/api/v1/users/{id}', '200')).toEqual(ref('User'));
    expect(answerRef('put', '/api/v1/users/{id}', '200')).toEqual(ref('User'));
    expect(answerRef('get', '/api/v1/users/{id}/orders', '200')).toEqual(ref('OrderList'));
    expect((operation('delete', '/api/v1/users/{id}').responses as JsonObject)['204']).not.toHaveProperty(
      'content',
    );
    expect(resolve('#/components/responses/Conflict')).toMatchObject({
      content: { 'application/problem+json': { schema: ref('Error') } },
    });
    expect((operation('post', '/api/v1/users').responses as JsonObject)['201']).toHaveProperty(
      'headers.Location',
    );
  });

  it('documents the pagination bounds and the role filter as query parameters', () => {
    const parameters = operation('get', '/api/v1/users').parameters as JsonObject[];
    expect(parameters).toEqual([
      expect.objectContaining({ name: 'page', in: 'query', required: false }),
      expect.objectContaining({
        name: 'page_size',
        in: 'query',
        required: false,
        schema: { default: 20, type: 'integer', minimum: 1, maximum: 100 },
      }),
      expect.objectContaining({
        name: 'role',
        in: 'query',
        required: false,
        schema: { type: 'string', enum: ['user', 'admin'] },
      }),
    ]);
    expect(operation('get', '/api/v1/users/{id}').parameters).toEqual([
      expect.objectContaining({
        name: 'id',
        in: 'path',
        required: true,
        schema: expect.objectContaining({ type: 'integer' }),
      }),
    ]);
  });

  it('shows PUT requiring every writable field and PATCH requiring none', () => {
    const schemas = doc.components.schemas;
    expect(schemas.UserReplace).toMatchObject({
      required: ['name', 'email', 'role'],
      additionalProperties: false,
    });
    expect(schemas.UserPatch).not.toHaveProperty('required');
    expect(schemas.UserPatch).toMatchObject({ minProperties: 1, additionalProperties: false });
    // On create, role has a default, so the client may leave it out.
    expect(schemas.UserCreate).toMatchObject({ required: ['name', 'email', 'password'] });
  });

  it('publishes no internal column, and leaves response objects open to new fields', () => {
    expect(Object.keys(doc.components.schemas.User?.properties as JsonObject)).toEqual(USER_KEYS);
    const text = JSON.stringify(doc);
    for (const column of ['password_hash', 'flagged_for_review', 'processor_ref'])
      expect(text).not.toContain(column);
    for (const name of ['User', 'UserList', 'Order', 'OrderList', 'Error']) {
      expect(doc.components.schemas[name]).not.toHaveProperty('additionalProperties');
    }
  });

  it('every documented operation exists on the server (no 404 route_not_found, no 405)', async () => {
    for (const [method, path] of URL_TABLE) {
      const res = await api.request(method.toUpperCase(), path.replace('{id}', '999999'), {
        ...(method === 'put' || method === 'patch' || method === 'post' ? { json: {} } : {}),
      });
      expect(res.status, `${method} ${path}`).not.toBe(405);
      expect(res.json, `${method} ${path}`).not.toMatchObject({ code: 'route_not_found' });
    }
  });

  it('real responses validate against the schemas the document publishes', async () => {
    const created = await api.request('POST', '/api/v1/users', {
      json: { name: 'Doc', email: 'doc@example.com', password: 'long-enough' },
    });
    const cases: Array<[string, unknown]> = [
      ['User', created.json],
      ['User', (await api.request('GET', '/api/v1/users/1')).json],
      ['UserList', (await api.request('GET', '/api/v1/users?page_size=5')).json],
      ['OrderList', (await api.request('GET', '/api/v1/users/3/orders')).json],
      ['Error', (await api.request('GET', '/api/v1/users/999999')).json],
      ['Error', (await api.request('GET', '/api/v1/users?page_size=500')).json],
    ];
    for (const [name, body] of cases) {
      const result = publishedSchema(name).safeParse(body);
      expect(result.success, `${name}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
    // And the published schema is not vacuous: it refuses a user without an id.
    const { id: _, ...withoutId } = created.json as { id: number };
    expect(publishedSchema('User').safeParse(withoutId).success).toBe(false);
  });
});
