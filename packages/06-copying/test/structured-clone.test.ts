import { describe, expect, it } from 'vitest';
import { deepClone } from '../src/clone.ts';
import { structuredCopy } from '../src/deep.ts';
import { describeLosses, sharedReferences } from '../src/inspect.ts';

describe('structuredClone keeps what JSON loses', () => {
  it('keeps Map, Set and Date, deeply copied', () => {
    const original = { index: new Map([['k', { v: 1 }]]), tags: new Set(['a']), at: new Date(5) };
    const copy = structuredCopy(original);
    expect(copy.index).toBeInstanceOf(Map);
    expect(copy.index.get('k')).toEqual({ v: 1 });
    expect(copy.index.get('k')).not.toBe(original.index.get('k'));
    expect(copy.tags).toEqual(new Set(['a']));
    expect(copy.at).toBeInstanceOf(Date);
    expect(copy.at.getTime()).toBe(5);
    expect(sharedReferences(original, copy)).toEqual([]);
  });

  it('keeps a cycle as a cycle', () => {
    const node: { name: string; self?: unknown } = { name: 'n' };
    node.self = node;
    const copy = structuredCopy(node);
    expect(copy.self).toBe(copy);
    expect(copy).not.toBe(node);
  });

  it('keeps shared references shared', () => {
    const shared = { n: 1 };
    const copy = structuredCopy({ a: shared, b: shared });
    expect(copy.a).toBe(copy.b);
    expect(copy.a).not.toBe(shared);
  });

  it('keeps undefined, NaN, Infinity, BigInt and RegExp', () => {
    const original = {
      gone: undefined,
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      id: 2n ** 64n,
      re: /a+/gi,
    };
    const copy = structuredCopy(original);
    expect(Object.hasOwn(copy, 'gone')).toBe(true);
    expect(copy.nan).toBeNaN();
    expect(copy.inf).toBe(Number.POSITIVE_INFINITY);
    expect(copy.id).toBe(2n ** 64n);
    expect(copy.re).toBeInstanceOf(RegExp);
    expect(copy.re.flags).toBe('gi');
    expect(describeLosses(original, copy)).toEqual([]);
  });
});

describe('structuredClone loses class prototypes', () => {
  class Account {
    constructor(public balance: number) {}
    deposit(amount: number): number {
      this.balance += amount;
      return this.balance;
    }
  }

  it('returns a plain object: instanceof is false, methods are gone, data is kept', () => {
    const copy = structuredCopy(new Account(10));
    expect(copy instanceof Account).toBe(false);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as Partial<Account>).deposit).toBeUndefined();
    expect(copy).toEqual({ balance: 10 });
    expect(describeLosses(new Account(10), copy)).toEqual([
      { path: '$', before: 'Account', after: 'Object' },
    ]);
  });

  it('returns an Array subclass as a plain Array, where deepClone keeps the class', () => {
    class Stack extends Array<number> {
      peek(): number | undefined {
        return this[this.length - 1];
      }
    }
    const stack = new Stack();
    stack.push(1, 2);
    expect(describeLosses(stack, structuredCopy(stack))).toEqual([
      { path: '$', before: 'Stack', after: 'Array' },
    ]);
    expect(describeLosses(stack, deepClone(stack))).toEqual([]);
    expect(deepClone(stack).peek()).toBe(2);
  });

  it('reads getters once and stores their value as data', () => {
    let reads = 0;
    const copy = structuredCopy({
      get now() {
        return ++reads;
      },
    });
    expect(reads).toBe(1);
    expect(Object.getOwnPropertyDescriptor(copy, 'now')).toMatchObject({ value: 1, writable: true });
  });

  it('drops symbol-keyed properties', () => {
    const tag = Symbol('tag');
    const copy = structuredCopy({ [tag]: 1, a: 1 });
    expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
    expect(copy).toEqual({ a: 1 });
  });
});

describe('structuredClone refuses what it cannot copy', () => {
  const cloneError = (value: unknown): unknown => {
    try {
      structuredCopy(value);
    } catch (error) {
      return error;
    }
    throw new Error('expected structuredClone to throw');
  };

  it('throws a DataCloneError (a DOMException) on a function, even a nested method', () => {
    const error = cloneError({ user: { name: 'ada', greet() {} } });
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('DataCloneError');
    expect((error as DOMException).message).toMatch(/could not be cloned/);
  });

  it('throws a DataCloneError on a symbol value and on a WeakMap', () => {
    expect((cloneError({ s: Symbol('s') }) as DOMException).name).toBe('DataCloneError');
    expect((cloneError(new WeakMap()) as DOMException).name).toBe('DataCloneError');
  });
});
