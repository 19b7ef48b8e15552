import { describe, expect, it } from 'vitest';
import { type Change, diffOpenApi, diffSchemas, type JsonSchema, type OpenApiLike } from '../src/index.ts';
import { int, obj, str } from './_schemas.ts';

/**
 * The checker's `why` is what a reviewer reads in a failed CI run: each rule's sentence, exactly, with the
 * location it names. (schema-diff.test.ts checks which changes are found and how they are classed.)
 */

const why = (changes: Change[]) =>
  changes.map((c) => `${c.location} ${c.kind} ${c.classification}: ${c.why}`);

const role = (values: unknown[]) => obj({ role: { type: 'string', enum: values } });

describe('enum values: the value is quoted as JSON', () => {
  it('added', () => {
    const [before, after] = [role(['member']), role(['member', 'owner'])];
    expect(why(diffSchemas(before, after, 'request'))).toEqual([
      '.role enum-value-added additive: requests may now send "owner"; old ones still validate',
    ]);
    expect(why(diffSchemas(before, after, 'response'))).toEqual([
      '.role enum-value-added additive: clients should treat an unknown value ("owner") as "other"',
    ]);
    expect(why(diffSchemas(before, after, 'response', '', { strictClients: true }))).toEqual([
      '.role enum-value-added breaking: a strict client rejects the unknown value "owner"',
    ]);
  });

  it('removed; a number stays a number', () => {
    const [before, after] = [role(['member', 3]), role(['member'])];
    expect(why(diffSchemas(before, after, 'request'))).toEqual([
      '.role enum-value-removed breaking: requests sending 3 now fail validation',
    ]);
    expect(why(diffSchemas(before, after, 'response'))).toEqual([
      '.role enum-value-removed additive: the server no longer sends 3',
    ]);
  });
});

describe('properties', () => {
  it('removed: from a response, from a request the server ignores extras in, from one it refuses them in', () => {
    const before = obj({ a: str });
    expect(why(diffSchemas(before, obj({}), 'response'))).toEqual([
      '.a property-removed breaking: clients reading it get undefined (a rename is a removal too)',
    ]);
    expect(why(diffSchemas(before, obj({}), 'request'))).toEqual([
      '.a property-removed additive: the server ignores it when old clients send it',
    ]);
    expect(why(diffSchemas(before, obj({}, [], { additionalProperties: false }), 'request'))).toEqual([
      '.a property-removed breaking: the server now refuses requests that still send it',
    ]);
  });

  it('added: to a response, as a required or an optional request field', () => {
    expect(why(diffSchemas(obj({}), obj({ b: str }), 'response'))).toEqual([
      '.b property-added additive: existing clients ignore unknown fields',
    ]);
    expect(why(diffSchemas(obj({}), obj({ b: str }, ['b']), 'request'))).toEqual([
      '.b property-added-required breaking: existing requests lack it and now fail',
    ]);
    expect(why(diffSchemas(obj({}), obj({ b: str }), 'request'))).toEqual([
      '.b property-added-optional additive: existing requests still validate without it',
    ]);
  });

  it('made required or optional, in each direction', () => {
    const [optional, required] = [obj({ a: str }), obj({ a: str }, ['a'])];
    expect(why(diffSchemas(optional, required, 'request'))).toEqual([
      '.a became-required breaking: requests without it, valid before, now fail',
    ]);
    expect(why(diffSchemas(optional, required, 'response'))).toEqual([
      '.a became-required additive: responses now always carry it',
    ]);
    expect(why(diffSchemas(required, optional, 'request'))).toEqual([
      '.a became-optional additive: requests that send it still validate',
    ]);
    expect(why(diffSchemas(required, optional, 'response'))).toEqual([
      '.a became-optional breaking: clients that rely on it may now get undefined',
    ]);
  });
});

describe('types: before → after, and why it breaks', () => {
  it('a breaking change says parsing fails; a compatible one only names the types', () => {
    expect(why(diffSchemas(obj({ zip: str }), obj({ zip: int }), 'response'))).toEqual([
      '.zip type-changed breaking: string → integer: parsing on the other side fails',
    ]);
    expect(why(diffSchemas(obj({ n: int }), obj({ n: { type: 'number' } }), 'request'))).toEqual([
      '.n type-changed additive: integer → number',
    ]);
  });

  it('a union is named sorted, joined by |', () => {
    const nullable: JsonSchema = { type: ['string', 'null'] };
    expect(why(diffSchemas(str, nullable, 'response'))).toEqual([
      '(root) type-changed breaking: string → null|string: parsing on the other side fails',
    ]);
    expect(why(diffSchemas(nullable, str, 'request'))).toEqual([
      '(root) type-changed breaking: null|string → string: parsing on the other side fails',
    ]);
  });

  it('a change at the top of the schema is located at (root)', () => {
    expect(why(diffSchemas(str, int, 'request'))).toEqual([
      '(root) type-changed breaking: string → integer: parsing on the other side fails',
    ]);
  });
});

describe('OpenAPI documents: operations, parameters, responses', () => {
  const doc = (operation: object): OpenApiLike => ({ paths: { '/u': { get: operation } } });

  it('operations removed and added', () => {
    expect(why(diffOpenApi({ paths: { '/a': { get: {} } } }, { paths: { '/b': { get: {} } } }))).toEqual([
      'GET /a operation-removed breaking: existing calls and bookmarks get 404',
      'GET /b operation-added additive: no existing call uses it',
    ]);
  });

  it('parameters removed, made required, added required or optional', () => {
    const p = (name: string, required: boolean) => ({ name, in: 'query', required });
    expect(why(diffOpenApi(doc({ parameters: [p('a', false), p('b', false)] }), doc({})))).toEqual([
      'GET /u query parameter a parameter-removed breaking: clients that send it lose what it did',
      'GET /u query parameter b parameter-removed breaking: clients that send it lose what it did',
    ]);
    expect(
      why(diffOpenApi(doc({ parameters: [p('a', false)] }), doc({ parameters: [p('a', true)] }))),
    ).toEqual(['GET /u query parameter a parameter-became-required breaking: calls without it now fail']);
    expect(why(diffOpenApi(doc({}), doc({ parameters: [p('a', true), p('b', false)] })))).toEqual([
      'GET /u query parameter a parameter-added-required breaking: existing calls lack it and now fail',
      'GET /u query parameter b parameter-added-optional additive: existing calls still work without it',
    ]);
  });

  it('a response status that is gone', () => {
    const responses = { '200': {}, '404': {} };
    expect(why(diffOpenApi(doc({ responses }), doc({ responses: { '200': {} } })))).toEqual([
      'GET /u 404 response-removed breaking: clients handling 404 no longer get it',
    ]);
    expect(why(diffOpenApi(doc({ responses }), doc({})))).toEqual([
      'GET /u 200 response-removed breaking: clients handling 200 no longer get it',
      'GET /u 404 response-removed breaking: clients handling 404 no longer get it',
    ]);
  });
});
