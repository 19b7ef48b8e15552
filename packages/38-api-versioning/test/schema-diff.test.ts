import { describe, expect, it } from 'vitest';
import { diffOpenApi, diffSchemas, type JsonSchema, needsNewVersion, openApiDocument } from '../src/index.ts';
import { int, kinds, obj, str } from './_schemas.ts';

describe("the seed's safe changes are additive", () => {
  it('a new optional field in a response', () => {
    expect(
      kinds(diffSchemas(obj({ id: int }, ['id']), obj({ id: int, nick: str }, ['id']), 'response')),
    ).toEqual(['.nick property-added additive']);
  });

  it('a new endpoint', () => {
    const v1 = { paths: { '/users': { get: {} } } };
    const v2 = { paths: { '/users': { get: {} }, '/users/{id}': { get: {} } } };
    expect(kinds(diffOpenApi(v1, v2))).toEqual(['GET /users/{id} operation-added additive']);
  });

  it('a new optional query parameter', () => {
    const v1 = { paths: { '/users': { get: { parameters: [] } } } };
    const v2 = {
      paths: { '/users': { get: { parameters: [{ name: 'q', in: 'query', required: false }] } } },
    };
    expect(kinds(diffOpenApi(v1, v2))).toEqual([
      'GET /users query parameter q parameter-added-optional additive',
    ]);
  });

  it('a new enum value in a response: additive as the seed says, breaking for strict clients', () => {
    const before = obj({ role: { type: 'string', enum: ['member', 'admin'] } });
    const after = obj({ role: { type: 'string', enum: ['member', 'admin', 'owner'] } });
    expect(kinds(diffSchemas(before, after, 'response'))).toEqual(['.role enum-value-added additive']);
    expect(kinds(diffSchemas(before, after, 'response', '', { strictClients: true }))).toEqual([
      '.role enum-value-added breaking',
    ]);
    expect(kinds(diffSchemas(before, after, 'request', '', { strictClients: true }))).toEqual([
      '.role enum-value-added additive',
    ]);
  });
});

describe("the seed's breaking changes are breaking", () => {
  it('removing or renaming a response field', () => {
    const before = obj({ id: int, name: str }, ['id', 'name']);
    expect(kinds(diffSchemas(before, obj({ id: int }, ['id']), 'response'))).toEqual([
      '.name property-removed breaking',
    ]);
    expect(
      kinds(diffSchemas(before, obj({ id: int, fullName: str }, ['id', 'fullName']), 'response')),
    ).toEqual(['.name property-removed breaking', '.fullName property-added additive']);
  });

  it('changing a field type (string → int), in either direction of travel', () => {
    for (const dir of ['request', 'response'] as const) {
      expect(kinds(diffSchemas(obj({ zip: str }), obj({ zip: int }), dir))).toEqual([
        '.zip type-changed breaking',
      ]);
    }
  });

  it('making an optional request field required', () => {
    expect(kinds(diffSchemas(obj({ a: str }), obj({ a: str }, ['a']), 'request'))).toEqual([
      '.a became-required breaking',
    ]);
  });

  it('adding a required request field', () => {
    expect(kinds(diffSchemas(obj({}), obj({ b: str }, ['b']), 'request'))).toEqual([
      '.b property-added-required breaking',
    ]);
  });

  it('changing the URL structure: the old operation is gone', () => {
    const v1 = { paths: { '/users/{id}': { get: {} } } };
    const v2 = { paths: { '/accounts/{id}': { get: {} } } };
    expect(kinds(diffOpenApi(v1, v2))).toEqual([
      'GET /users/{id} operation-removed breaking',
      'GET /accounts/{id} operation-added additive',
    ]);
  });

  it('changing the error format', () => {
    const problem = {
      content: {
        'application/problem+json': { schema: obj({ code: str, detail: str }, ['code', 'detail']) },
      },
    };
    const bare = { content: { 'application/json': { schema: obj({ error: str }, ['error']) } } };
    const v1 = { paths: { '/u': { get: { responses: { '404': problem } } } } };
    const v2 = { paths: { '/u': { get: { responses: { '404': bare } } } } };
    expect(kinds(diffOpenApi(v1, v2))).toEqual([
      'GET /u 404.code property-removed breaking',
      'GET /u 404.detail property-removed breaking',
      'GET /u 404.error property-added additive',
    ]);
  });
});

describe('direction decides', () => {
  it('required → optional breaks a response reader, not a request writer', () => {
    expect(kinds(diffSchemas(obj({ a: str }, ['a']), obj({ a: str }), 'response'))).toEqual([
      '.a became-optional breaking',
    ]);
    expect(kinds(diffSchemas(obj({ a: str }, ['a']), obj({ a: str }), 'request'))).toEqual([
      '.a became-optional additive',
    ]);
    expect(kinds(diffSchemas(obj({ a: str }), obj({ a: str }, ['a']), 'response'))).toEqual([
      '.a became-required additive',
    ]);
  });

  it('a dropped request field is ignored unless the server refuses unknown fields', () => {
    expect(kinds(diffSchemas(obj({ a: str }), obj({}), 'request'))).toEqual(['.a property-removed additive']);
    expect(
      kinds(diffSchemas(obj({ a: str }), obj({}, [], { additionalProperties: false }), 'request')),
    ).toEqual(['.a property-removed breaking']);
  });

  it('an enum value removed breaks requests that send it, not responses', () => {
    const before = obj({ s: { type: 'string', enum: ['a', 'b'] } });
    const after = obj({ s: { type: 'string', enum: ['a'] } });
    expect(kinds(diffSchemas(before, after, 'request'))).toEqual(['.s enum-value-removed breaking']);
    expect(kinds(diffSchemas(before, after, 'response'))).toEqual(['.s enum-value-removed additive']);
  });

  it('integer ⊂ number: widening is safe for requests, narrowing for responses', () => {
    const n = obj({ x: { type: 'number' } });
    const i = obj({ x: int });
    expect(kinds(diffSchemas(i, n, 'request'))).toEqual(['.x type-changed additive']);
    expect(kinds(diffSchemas(i, n, 'response'))).toEqual(['.x type-changed breaking']);
    expect(kinds(diffSchemas(n, i, 'response'))).toEqual(['.x type-changed additive']);
  });

  it('walks nested objects and array items; identical schemas give no changes', () => {
    const before = obj({ tags: { type: 'array', items: obj({ id: int }, ['id']) } });
    const after = obj({ tags: { type: 'array', items: obj({}, []) } });
    expect(kinds(diffSchemas(before, after, 'response'))).toEqual(['.tags[].id property-removed breaking']);
    expect(diffSchemas(before, before, 'response')).toEqual([]);
  });

  it('a required parameter added, or an optional one made required, or one removed, breaks calls', () => {
    const p = (required: boolean) => ({ name: 'q', in: 'query', required });
    const doc = (parameters: unknown[]) => ({ paths: { '/u': { get: { parameters } } } });
    expect(kinds(diffOpenApi(doc([]), doc([p(true)])))).toEqual([
      'GET /u query parameter q parameter-added-required breaking',
    ]);
    expect(kinds(diffOpenApi(doc([p(false)]), doc([p(true)])))).toEqual([
      'GET /u query parameter q parameter-became-required breaking',
    ]);
    expect(kinds(diffOpenApi(doc([p(false)]), doc([])))).toEqual([
      'GET /u query parameter q parameter-removed breaking',
    ]);
  });
});

describe('types: unions, and schemas that name no type', () => {
  const nullable: JsonSchema = { type: ['string', 'null'] };

  it('a union is a set: the order it is written in does not matter', () => {
    expect(diffSchemas(nullable, { type: ['null', 'string'] }, 'response')).toEqual([]);
  });

  it('string → string|null widens: breaking in a response (clients now get null), additive in a request', () => {
    expect(kinds(diffSchemas(obj({ a: str }), obj({ a: nullable }), 'response'))).toEqual([
      '.a type-changed breaking',
    ]);
    expect(kinds(diffSchemas(obj({ a: str }), obj({ a: nullable }), 'request'))).toEqual([
      '.a type-changed additive',
    ]);
  });

  it('only integer fits in number: number → string is breaking both ways', () => {
    for (const dir of ['request', 'response'] as const) {
      expect(kinds(diffSchemas({ type: 'number' }, str, dir))).toEqual(['(root) type-changed breaking']);
      expect(kinds(diffSchemas(str, { type: 'number' }, dir))).toEqual(['(root) type-changed breaking']);
    }
  });

  it('properties without a type make an object', () => {
    const untyped: JsonSchema = { properties: { a: str } };
    expect(diffSchemas(untyped, obj({ a: str }), 'response')).toEqual([]);
    expect(kinds(diffSchemas(untyped, str, 'response'))).toEqual(['(root) type-changed breaking']);
  });

  it('no type at all is not compared by type: spelling out an enum’s type changes nothing', () => {
    const untyped: JsonSchema = { enum: ['a', 'b'] };
    const typed: JsonSchema = { type: 'string', enum: ['a', 'b'] };
    for (const dir of ['request', 'response'] as const) {
      expect(diffSchemas(untyped, typed, dir)).toEqual([]);
      expect(diffSchemas(typed, untyped, dir)).toEqual([]);
    }
    expect(kinds(diffSchemas(untyped, { enum: ['a'] }, 'request'))).toEqual([
      '(root) enum-value-removed breaking',
    ]);
  });
});

describe('what it does not compare (a small checker, said so in the README)', () => {
  it('an enum on one side only, or items on one side only', () => {
    expect(diffSchemas(str, { type: 'string', enum: ['a'] }, 'request')).toEqual([]);
    expect(diffSchemas({ type: 'string', enum: ['a'] }, str, 'response')).toEqual([]);
    expect(diffSchemas({ type: 'array' }, { type: 'array', items: str }, 'request')).toEqual([]);
    expect(diffSchemas({ type: 'array', items: str }, { type: 'array' }, 'response')).toEqual([]);
  });

  it('a draft-4 tuple (items as an array) is not walked', () => {
    expect(diffSchemas({ items: [str] }, { items: [int] }, 'response')).toEqual([]);
  });

  it('a malformed schema is not walked: properties that are a string or an array name no fields', () => {
    const broken = (properties: unknown): JsonSchema => ({ type: 'object', properties });
    expect(diffSchemas(broken('abc'), broken('xyz'), 'response')).toEqual([]);
    expect(diffSchemas(broken([str]), broken([]), 'response')).toEqual([]);
  });

  it('leaves the schemas it reads as they were (a union is sorted on a copy)', () => {
    const before: JsonSchema = { type: ['string', 'null'] };
    expect(diffSchemas(before, { type: ['string', 'null'] }, 'response')).toEqual([]);
    expect(before).toEqual({ type: ['string', 'null'] });
  });
});

describe('OpenAPI documents', () => {
  it('every HTTP method is an operation; other path-item keys are not', () => {
    const all = { get: {}, put: {}, post: {}, delete: {}, patch: {}, head: {}, options: {} };
    const item = { summary: 'users', parameters: [], ...all };
    expect(kinds(diffOpenApi({ paths: { '/u': item } }, { paths: {} }))).toEqual(
      ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'].map(
        (m) => `${m} /u operation-removed breaking`,
      ),
    );
  });

  it('a parameter is its name and where it goes: id in the path is not id in the query', () => {
    const doc = (where: string) => ({
      paths: { '/u': { get: { parameters: [{ name: 'id', in: where, required: true }] } } },
    });
    expect(kinds(diffOpenApi(doc('path'), doc('query')))).toEqual([
      'GET /u path parameter id parameter-removed breaking',
      'GET /u query parameter id parameter-added-required breaking',
    ]);
  });

  it('the request body is compared as a request, each response as a response', () => {
    const body = (required: string[]) => ({
      requestBody: { content: { 'application/json': { schema: obj({ a: str }, required) } } },
      responses: { '200': { content: { 'application/json': { schema: obj({ a: str }, required) } } } },
    });
    const doc = (required: string[]) => ({ paths: { '/u': { post: body(required) } } });
    expect(kinds(diffOpenApi(doc([]), doc(['a'])))).toEqual([
      'POST /u body.a became-required breaking',
      'POST /u 200.a became-required additive',
    ]);
  });

  it('only additive changes need no new version', () => {
    const changes = diffOpenApi({ paths: {} }, { paths: { '/u': { get: {} } } });
    expect(changes).toHaveLength(1);
    expect(needsNewVersion(changes)).toBe(false);
  });
});

describe('our v1 → v2', () => {
  const changes = diffOpenApi(openApiDocument(1), openApiDocument(2));

  it('needs a new version: name changed type in both the request and the response', () => {
    expect(needsNewVersion(changes)).toBe(true);
    expect(kinds(changes.filter((c) => c.classification === 'breaking'))).toEqual([
      'POST /users body.name type-changed breaking',
      'POST /users 201.name type-changed breaking',
      'GET /users/{id} 200.name type-changed breaking',
    ]);
  });

  it('everything else it adds is additive: createdAt and links', () => {
    expect(kinds(changes.filter((c) => c.classification === 'additive'))).toEqual([
      'POST /users 201.createdAt property-added additive',
      'POST /users 201.links property-added additive',
      'GET /users/{id} 200.createdAt property-added additive',
      'GET /users/{id} 200.links property-added additive',
    ]);
  });

  it('a document compared with itself has no changes', () => {
    expect(diffOpenApi(openApiDocument(2), openApiDocument(2))).toEqual([]);
    expect(needsNewVersion([])).toBe(false);
  });
});
