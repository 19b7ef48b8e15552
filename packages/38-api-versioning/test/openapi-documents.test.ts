import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiDocument, openApiDocument } from '../src/index.ts';
import { startApp } from './_app.ts';

let app: Awaited<ReturnType<typeof startApp>>;
const served: Record<string, OpenApiDocument> = {};

beforeAll(async () => {
  app = await startApp();
  for (const version of ['v1', 'v2']) {
    const res = await app.request('GET', `/api/${version}/openapi.json`);
    expect(res.status).toBe(200);
    served[version] = res.json as OpenApiDocument;
  }
});
afterAll(async () => {
  await app.close();
});

interface Operation {
  deprecated?: boolean;
  tags: string[];
  responses: Record<
    string,
    { headers?: Record<string, { example: string }>; content: Record<string, { schema: object }> }
  >;
}

const operationsOf = (doc: OpenApiDocument | undefined): [string, Operation][] =>
  Object.entries(doc?.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]): [string, Operation] => [`${method} ${path}`, op as Operation]),
  );

describe('each version serves its own document', () => {
  it('v1: every operation deprecated, the headers documented with the policy’s own dates', () => {
    const ops = operationsOf(served.v1);
    expect(ops.map(([name]) => name)).toEqual(['post /users', 'get /users/{id}']);
    for (const [name, op] of ops) {
      expect(op.deprecated, name).toBe(true);
      const success = op.responses[name.startsWith('post') ? '201' : '200'];
      expect(success?.headers?.Deprecation?.example).toBe('@1767225600');
      expect(success?.headers?.Sunset?.example).toBe('Fri, 01 Jan 2027 00:00:00 GMT');
    }
  });

  it('v2: the current version, nothing deprecated', () => {
    for (const [name, op] of operationsOf(served.v2)) {
      expect(op.deprecated, name).toBeUndefined();
      expect(
        Object.values(op.responses).every((r) => r.headers === undefined),
        name,
      ).toBe(true);
    }
  });

  it('each names its version and its base URL', () => {
    expect([served.v1?.info.version, served.v2?.info.version]).toEqual(['1.0.0', '2.0.0']);
    expect(served.v1?.servers[0]?.url).toMatch(/\/api\/v1$/);
    expect(served.v2?.servers[0]?.url).toMatch(/\/api\/v2$/);
  });

  it('every 4xx answer is documented as a problem body that clients can rely on for code and detail', () => {
    for (const doc of [openApiDocument(1), openApiDocument(2)]) {
      for (const [name, op] of operationsOf(doc)) {
        const errors = Object.entries(op.responses).filter(([status]) => status.startsWith('4'));
        expect(errors.length, name).toBeGreaterThan(0);
        for (const [status, response] of errors) {
          expect(Object.keys(response.content), `${name} ${status}`).toEqual(['application/problem+json']);
          expect(response.content['application/problem+json']?.schema).toMatchObject({
            type: 'object',
            required: ['type', 'title', 'status', 'detail', 'code'],
          });
        }
      }
    }
  });
});

describe('the published documents are contracts', () => {
  // Any change to what a version publishes (a field, a description, a status) shows up here for review.
  it.each(['v1', 'v2'])('%s as served', async (version) => {
    await expect(`${JSON.stringify(served[version], null, 2)}\n`).toMatchFileSnapshot(
      `./openapi-${version}.json.snap`,
    );
  });
});
