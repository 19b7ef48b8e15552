/**
 * Type-level tests. `expectTypeOf` assertions and every `// @ts-expect-error` below are checked by
 * `pnpm typecheck` (an unused @ts-expect-error is itself an error); the runtime halves run under vitest.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { concatTuples, forward, forwardByUtilityTypes, partial } from '../src/forwarding.ts';
import { createLogger, type LogRecord } from '../src/logger.ts';
import { mergeSpread } from '../src/merge-order.ts';
import {
  type ConnectionConfig,
  type ConnectOptions,
  connect,
  createUser,
  describeRequest,
} from '../src/options-objects.ts';
import { range } from '../src/overloads.ts';
import { labelled, sum } from '../src/rest-parameters.ts';

const greet = (first: string, last: string, greeting = 'Hello'): string => `${greeting}, ${first} ${last}!`;

describe('rest parameters and variadic tuples', () => {
  it('types a rest parameter as an array, and a tuple rest as a fixed head plus a variable tail', () => {
    expectTypeOf(sum).parameters.toEqualTypeOf<number[]>();
    expectTypeOf(labelled).toBeCallableWith('scores');
    expectTypeOf(labelled).toBeCallableWith('scores', 1, 2, 3);
    // @ts-expect-error the label is required
    expect(() => labelled()).not.toThrow(); // ...but nothing stops it at run time: types are erased
    // @ts-expect-error the first element must be a string
    labelled(1, 2);
  });

  it('accepts a spread of an array, but a spread of number[] cannot fill fixed parameters', () => {
    const scores = [1, 2, 3];
    expect(sum(...scores)).toBe(6);
    const names = ['Ada', 'Lovelace'];
    // @ts-expect-error string[] might be empty: TypeScript wants a tuple for required parameters
    greet(...names);
    const tuple = ['Ada', 'Lovelace'] as const;
    expect(greet(...tuple)).toBe('Hello, Ada Lovelace!');
  });

  it('concatenates tuples element by element', () => {
    const joined = concatTuples([1, 'a'], [true]);
    expectTypeOf(joined).toEqualTypeOf<[number, string, boolean]>();
    expect(joined).toEqual([1, 'a', true]);
  });
});

describe('options objects as keyword arguments', () => {
  it('makes the options object optional and every option optional', () => {
    expectTypeOf(connect).parameters.toEqualTypeOf<[host: string, options?: ConnectOptions]>();
    expectTypeOf(connect).returns.toEqualTypeOf<ConnectionConfig>();
    expectTypeOf(connect).toBeCallableWith('db');
    expectTypeOf(connect).toBeCallableWith('db', { port: 6432 });
  });

  it('rejects a wrong type at compile time only', () => {
    // @ts-expect-error port is a number
    const config = connect('db', { port: '6432' });
    expect(config.port).toBe('6432'); // at run time the string goes straight through
  });

  it('requires required named parameters, and catches unknown keys in a literal', () => {
    // @ts-expect-error email is a required option
    expect(() => createUser({ name: 'Ada' })).toThrow("missing required option 'email'");
    // @ts-expect-error excess property check: 'rol' is not an option (fresh object literals only)
    expect(() => createUser({ name: 'Ada', email: 'ada@example.com', rol: 'admin' })).toThrow(
      "did you mean 'role'?",
    );
    // The same typo in an object built earlier passes the compiler: only the run-time check catches it.
    const fromElsewhere = { name: 'Ada', email: 'ada@example.com', rol: 'admin' };
    expect(() => createUser(fromElsewhere)).toThrow(TypeError);
  });

  it('types the collected rest of a destructured options object', () => {
    const { headers } = describeRequest({ url: '/users', method: 'POST', 'x-request-id': 'r1' });
    expectTypeOf(headers).toEqualTypeOf<Record<string, string | undefined>>();
    expect(headers).toEqual({ 'x-request-id': 'r1' });
  });

  it('lets `undefined` into an optional property: the type does not protect the default', () => {
    // With exactOptionalPropertyTypes off (this repo, and TypeScript's default), `port?: number` means
    // `number | undefined`, so this compiles, and the spread below erases the default.
    const override: Partial<ConnectionConfig> = { port: undefined };
    const merged = mergeSpread<ConnectionConfig>(
      { host: 'db', port: 5432, ssl: false, timeoutMs: 1 },
      override,
    );
    expectTypeOf(merged.port).toEqualTypeOf<number>(); // the type still says number...
    expect(merged.port).toBeUndefined(); // ...the value is undefined
  });
});

describe('forwarding arguments', () => {
  it('keeps parameters and return type through a generic wrapper', () => {
    const seen: unknown[] = [];
    const wrapped = forward(greet, (args) => seen.push(args));
    expectTypeOf(wrapped).parameters.toEqualTypeOf<[first: string, last: string, greeting?: string]>();
    expectTypeOf(wrapped).returns.toBeString();
    expect(wrapped('Ada', 'Lovelace', 'Hi')).toBe('Hi, Ada Lovelace!');
    expect(seen).toEqual([['Ada', 'Lovelace', 'Hi']]);
  });

  it('fixes leading arguments with partial(), typing what is left', () => {
    const helloAda = partial(greet, 'Ada');
    expectTypeOf(helloAda).parameters.toEqualTypeOf<[last: string, greeting?: string]>();
    expect(helloAda('Lovelace')).toBe('Hello, Ada Lovelace!');
    // @ts-expect-error the fixed argument must match the first parameter's type
    partial(greet, 42);
  });

  it('sees only the last overload through Parameters<F> and ReturnType<F>', () => {
    expectTypeOf<Parameters<typeof range>>().toEqualTypeOf<[start: number, stop: number, step?: number]>();
    expectTypeOf(range).toBeCallableWith(5);
    expectTypeOf(range).toBeCallableWith(1, 10, 2);
    // @ts-expect-error range takes at most three numbers
    expect(() => range(1, 2, 3, 4)).not.toThrow();

    const wrapped = forwardByUtilityTypes(range, () => {});
    // @ts-expect-error the one-argument overload is gone from the wrapper's type
    expect(wrapped(5)).toEqual([0, 1, 2, 3, 4]); // the call still works: only the type lost the overload
  });

  it('distinguishes the two call shapes of an overloaded logger', () => {
    const log = createLogger(() => {});
    expectTypeOf(log).toBeCallableWith('User {} logged in', 'Ada');
    expectTypeOf(log).toBeCallableWith({ level: 'debug', user: 'ada' }, 'User {} logged in', 'Ada');
    expectTypeOf(log('plain')).toEqualTypeOf<LogRecord>();
    // @ts-expect-error 'verbose' is not a level
    log({ level: 'verbose' }, 'x');
  });
});
