import { describe, expect, it } from 'vitest';
import { decorate } from '../src/compose.ts';
import { expectMethod, keepIdentity, memberName, unwrap } from '../src/keep-identity.ts';
import { withLogging } from '../src/logging.ts';
import { withMemo } from '../src/memoize.ts';
import { withRateLimit } from '../src/rate-limit.ts';
import { withRetry } from '../src/retry.ts';
import { withTiming } from '../src/timing.ts';

async function fetchUser(id: number, _fields: string[], _timeoutMs = 1_000): Promise<string> {
  return `user ${id}`;
}

describe('keeping the identity of the wrapped function (functools.wraps)', () => {
  it('a naive wrapper loses the name and the length', () => {
    const naive = (fn: (...args: never[]) => unknown) =>
      function wrapper(...args: never[]) {
        return fn(...args);
      };
    const wrapped = naive(fetchUser);
    expect(wrapped.name).toBe('wrapper');
    expect(wrapped.length).toBe(0);
  });

  it('every with* wrapper keeps name and length', () => {
    const noop = () => {};
    const wrappers = [
      withRetry(fetchUser, { attempts: 2 }),
      withMemo(fetchUser, { key: (id) => id }),
      withTiming(fetchUser, { report: noop }),
      withLogging(fetchUser, { log: noop }),
      withRateLimit(fetchUser, { limit: 1, windowMs: 1 }),
    ];
    for (const wrapped of wrappers) {
      expect(wrapped.name).toBe('fetchUser');
      expect(wrapped.length).toBe(fetchUser.length);
    }
    expect(fetchUser.length).toBe(2); // parameters from the first one with a default on do not count
  });

  it('defines name and length exactly as a function has them: read-only but redefinable', () => {
    const wrapped = keepIdentity(() => 0, fetchUser);
    for (const key of ['name', 'length'] as const)
      expect(Object.getOwnPropertyDescriptor(wrapped, key)).toEqual({
        ...Object.getOwnPropertyDescriptor(fetchUser, key),
        value: fetchUser[key],
      });
  });

  it('unwrap follows a chain of wrappers back to the original', () => {
    const layered = withLogging(withRetry(withTiming(fetchUser, { report: () => {} }), { attempts: 2 }), {
      log: () => {},
    });
    expect(unwrap(layered)).toBe(fetchUser);
    expect(unwrap(fetchUser)).toBe(fetchUser);
  });

  it('the kept name is what V8 prints in stack traces', () => {
    const failing = function innerBody(): never {
      throw new Error('boom');
    };
    const wrapped = keepIdentity(
      function wrapper() {
        return failing();
      },
      failing,
      'loadInvoice',
    );
    let stack = '';
    try {
      wrapped();
    } catch (error) {
      stack = (error as Error).stack ?? '';
    }
    expect(stack).toMatch(/at loadInvoice /);
    expect(stack).not.toMatch(/at wrapper /);
  });

  it('names symbol and private members readably', () => {
    expect(memberName({ name: 'save' })).toBe('save');
    expect(memberName({ name: '#secret' })).toBe('#secret');
    expect(memberName({ name: Symbol('dispose') })).toBe('[dispose]');
    expect(memberName({ name: Symbol() })).toBe('[]');
  });

  it('refuses a method decorator used on another kind of member (plain-JS callers)', () => {
    expect(() => expectMethod('retry', { kind: 'field' })).toThrow(/@retry decorates methods, not fields/);
    expect(() => expectMethod('retry', { kind: 'method' })).not.toThrow();
  });
});

describe('decorating a free function with higher-order functions', () => {
  it('decorate(fn, a, b) is a(b(fn)): the first wrapper is the outermost, like stacked @a @b', () => {
    const calls: string[] = [];
    const tag =
      (label: string) =>
      (inner: (x: number) => number) =>
      (x: number): number => {
        calls.push(label);
        return inner(x);
      };
    const double = (x: number) => x * 2;
    const wrapped = decorate(double, tag('a'), tag('b'));
    expect(wrapped(21)).toBe(42);
    expect(calls).toEqual(['a', 'b']);
  });
});
