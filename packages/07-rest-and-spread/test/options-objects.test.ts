import { describe, expect, it } from 'vitest';
import {
  assertKnownKeys,
  connect,
  connectPositional,
  createUser,
  describeRequest,
} from '../src/options-objects.ts';

describe('options objects (**kwargs)', () => {
  it('applies defaults for omitted options and for an omitted object', () => {
    expect(connect('db')).toEqual({ host: 'db', port: 5432, ssl: false, timeoutMs: 5_000 });
    expect(connect('db', { ssl: true })).toEqual({ host: 'db', port: 5432, ssl: true, timeoutMs: 5_000 });
  });

  it('applies a default for an explicit undefined, but not for null', () => {
    expect(connect('db', { port: undefined }).port).toBe(5432);
    // A JSON body or a JavaScript caller can send null; TypeScript would have refused it.
    const fromJson = JSON.parse('{"port": null}') as { port?: number };
    expect(connect('db', fromJson).port).toBeNull();
  });

  it('settles on the same config as its positional twin, which needs every earlier argument spelled out', () => {
    expect(connectPositional('db')).toEqual(connect('db'));
    expect(connectPositional('db', 6432, true, 100)).toEqual(
      connect('db', { port: 6432, ssl: true, timeoutMs: 100 }),
    );
    // Only a timeout: positionally, the port and ssl defaults must be restated (or passed as undefined).
    expect(connectPositional('db', undefined, undefined, 100)).toEqual(connect('db', { timeoutMs: 100 }));
  });

  it('without `= {}` in the signature, omitting the object is a TypeError', () => {
    function strict({ port = 1 }: { port?: number }): number {
      return port;
    }
    expect(() => (strict as (options?: { port?: number }) => number)()).toThrow(TypeError);
  });

  it('checks required and unknown options at run time, with a suggestion', () => {
    expect(createUser({ name: 'Ada', email: 'Ada@Example.com' })).toEqual({
      id: 'u_ada@example.com',
      name: 'Ada',
      email: 'Ada@Example.com',
      role: 'member',
    });
    const body = JSON.parse('{"name":"Ada","email":"a@b.c","admin":true}') as { name: string; email: string };
    expect(() => createUser(body)).toThrow("createUser() got an unexpected option 'admin'");
    expect(() => createUser(null as unknown as { name: string; email: string })).toThrow(
      /expects an options object/,
    );
    // A JSON body that is a bare string is not an options object either (Object.keys would list '0', '1', …).
    expect(() => createUser(JSON.parse('"Ada"') as { name: string; email: string })).toThrow(
      'createUser() expects an options object',
    );
    expect(() => createUser({ name: '', email: 'a@b.c' })).toThrow(
      "createUser() missing required option 'name'",
    );
    expect(() => assertKnownKeys('connect', { tiemoutMs: 1 }, ['port', 'timeoutMs'])).toThrow(
      "connect() got an unexpected option 'tiemoutMs'; did you mean 'timeoutMs'?",
    );
    expect(() => assertKnownKeys('connect', { zzz: 1 }, ['port'])).toThrow(/'zzz'$/);
  });

  it('collects unnamed options with a rest pattern, leaving the caller object untouched', () => {
    const options = { url: '/users', 'x-request-id': 'r1', accept: 'application/json' };
    const described = describeRequest(options);
    expect(described).toEqual({
      line: 'GET /users',
      headers: { 'x-request-id': 'r1', accept: 'application/json' },
    });
    expect(options).toEqual({ url: '/users', 'x-request-id': 'r1', accept: 'application/json' });
  });
});
