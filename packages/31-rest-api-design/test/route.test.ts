/**
 * The route machinery on its own, no server: validation on the way in, the allow-list on the way out,
 * and the compile-time link between a declared status and its schema.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, defineRoute, expressPath, IdParams } from '../src/index.ts';

const Thing = z.object({ id: z.int(), name: z.string() });
const route = defineRoute({
  method: 'post',
  path: '/things/{id}',
  operationId: 'renameThing',
  summary: 'Rename a thing',
  tags: [],
  params: IdParams,
  body: z.strictObject({ name: z.string().min(1) }),
  responses: { 200: { description: 'Renamed', schema: Thing }, 204: { description: 'Nothing to do' } },
  errors: [400, 422],
}).handle(async ({ params, body }) => {
  if (body.name === 'same') return { status: 204 };
  // A whole "row" with a secret column: the response schema must drop it.
  const row = { id: params.id, name: body.name, secret: 's3cret' };
  return { status: 200, body: row };
});

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

describe('defineRoute(...).handle(...)', () => {
  it('parses the input and strips the reply to its schema', async () => {
    const outcome = await route.run({ params: { id: '7' }, query: {}, body: { name: 'lamp' } });
    expect(outcome).toEqual({ status: 200, headers: {}, body: { id: 7, name: 'lamp' } });
  });

  it('a reply without a schema has no body', async () => {
    const outcome = await route.run({ params: { id: '7' }, query: {}, body: { name: 'same' } });
    expect(outcome).toEqual({ status: 204, headers: {}, body: undefined });
  });

  it('a bad path is a 400 and a bad body a 422, both before the handler runs', async () => {
    const path = await rejection(route.run({ params: { id: 'x' }, query: {}, body: { name: 'lamp' } }));
    expect(path).toBeInstanceOf(ApiError);
    expect(path).toMatchObject({ status: 400, code: 'invalid_path' });
    const body = await rejection(route.run({ params: { id: '7' }, query: {}, body: { name: '', extra: 1 } }));
    expect(body).toMatchObject({ status: 422, code: 'validation_failed' });
    expect((body as ApiError).errors?.map((e) => e.path)).toEqual(['name', 'extra']);
  });

  it('a reply that breaks its own schema throws (a server bug, answered as a 500), never sent half-valid', async () => {
    const broken = defineRoute({
      method: 'get',
      path: '/broken',
      operationId: 'broken',
      summary: 'Returns a row the schema refuses',
      tags: [],
      responses: { 200: { description: 'A thing', schema: Thing } },
      errors: [],
    }).handle(async () => ({ status: 200, body: JSON.parse('{"id": "not a number", "name": "x"}') }));
    const error = await rejection(broken.run({ params: {}, query: {}, body: undefined }));
    expect(error).toBeInstanceOf(z.ZodError);
    expect(error).not.toBeInstanceOf(ApiError);
  });

  it('the handler is type-checked against the declared statuses and schemas, and checked again at runtime', async () => {
    const undeclared = defineRoute({
      method: 'get',
      path: '/typed',
      operationId: 'typed',
      summary: 'Only 200 with a Thing',
      tags: [],
      responses: { 200: { description: 'A thing', schema: Thing } },
      errors: [],
      // @ts-expect-error 201 is not a declared status (pnpm typecheck fails if this error disappears)
    }).handle(async () => ({ status: 201, body: { id: 1, name: 'x' } }));
    const incomplete = defineRoute({
      method: 'get',
      path: '/typed',
      operationId: 'typed',
      summary: 'Only 200 with a Thing',
      tags: [],
      responses: { 200: { description: 'A thing', schema: Thing } },
      errors: [],
      // @ts-expect-error the body lacks `name`, which Thing requires
    }).handle(async () => ({ status: 200, body: { id: 1 } }));
    const input = { params: {}, query: {}, body: undefined };
    expect(String(await rejection(undeclared.run(input)))).toMatch(/answered 201, which it does not declare/);
    expect(await rejection(incomplete.run(input))).toBeInstanceOf(z.ZodError);
  });
});

describe('expressPath', () => {
  it('turns OpenAPI templates into Express parameters', () => {
    expect(expressPath('/api/v1/users/{id}/orders')).toBe('/api/v1/users/:id/orders');
  });
});
