import { describe, expect, it } from 'vitest';
import { type CloneChild, deepClone, deepCloneHook } from '../src/clone.ts';
import { Account, Vault } from '../src/examples.ts';
import { describeLosses, sharedReferences } from '../src/inspect.ts';

class CopyableVault {
  #secret: string;
  readonly history: string[];
  constructor(secret: string, history: string[] = []) {
    this.#secret = secret;
    this.history = history;
  }
  reveal(): string {
    return this.#secret;
  }
  [deepCloneHook](clone: CloneChild): CopyableVault {
    return new CopyableVault(this.#secret, clone(this.history));
  }
}

describe('deepClone', () => {
  it('copies nested data so that nothing is shared', () => {
    const original = { user: { name: 'ada', roles: ['admin'] }, list: [[1], [2]] };
    const copy = deepClone(original);
    expect(copy).toEqual(original);
    expect(sharedReferences(original, copy)).toEqual([]);
    copy.user.roles.push('owner');
    expect(original.user.roles).toEqual(['admin']);
  });

  it('keeps cycles and shared references, copying each object once', () => {
    const shared = { n: 1 };
    const root: { a: object; b: object; self?: unknown } = { a: shared, b: shared };
    root.self = root;
    const copy = deepClone(root);
    expect(copy.self).toBe(copy);
    expect(copy.a).toBe(copy.b);
    expect(copy.a).not.toBe(shared);
  });

  it('copies Map keys and values, Set members, Dates and RegExps', () => {
    const key = { id: 1 };
    const original = {
      index: new Map([[key, { v: 1 }]]),
      tags: new Set([{ t: 'a' }]),
      at: new Date(5),
      re: /a+/gy,
    };
    original.re.lastIndex = 2;
    const copy = deepClone(original);
    const [copiedKey, copiedValue] = [...copy.index][0] ?? [];
    expect(copiedKey).toEqual(key);
    expect(copiedKey).not.toBe(key);
    expect(copiedValue).toEqual({ v: 1 });
    expect([...copy.tags]).toEqual([{ t: 'a' }]);
    expect([...copy.tags][0]).not.toBe([...original.tags][0]);
    expect(copy.at.getTime()).toBe(5);
    expect(copy.at).not.toBe(original.at);
    expect(copy.re.flags).toBe('gy');
    expect(copy.re.lastIndex).toBe(2);
    expect(sharedReferences(original, copy)).toEqual([]);
  });

  it('copies a DataView over the same window of its buffer, sharing that buffer with other views', () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const view = new DataView(bytes.buffer, 2, 3);
    const copy = deepClone({ bytes, view });
    expect([copy.view.byteOffset, copy.view.byteLength]).toEqual([2, 3]);
    expect(copy.view.buffer).toBe(copy.bytes.buffer);
    copy.view.setUint8(0, 9);
    expect(copy.bytes[2]).toBe(9);
    expect(bytes[2]).toBe(3);
  });

  it('copies ArrayBuffers and typed arrays, and two views of one buffer still share one', () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const tail = new Uint8Array(bytes.buffer, 2, 2);
    const copy = deepClone({ bytes, tail });
    expect([...copy.bytes]).toEqual([1, 2, 3, 4]);
    expect(copy.bytes.buffer).not.toBe(bytes.buffer);
    expect(copy.tail.buffer).toBe(copy.bytes.buffer);
    copy.tail[0] = 9;
    expect(copy.bytes[2]).toBe(9);
    expect(bytes[2]).toBe(3);
  });

  it('keeps the prototype: instanceof holds and methods work, on an independent copy', () => {
    const original = new Account('ada', 10);
    const copy = deepClone(original);
    expect(copy).toBeInstanceOf(Account);
    expect(copy.deposit(5)).toBe(15);
    expect(original.balance).toBe(10);
    expect(describeLosses(original, copy)).toEqual([]);
  });

  it('does not run the constructor', () => {
    let constructed = 0;
    class Counted {
      value = 1;
      constructor() {
        constructed++;
      }
    }
    deepClone(new Counted());
    expect(constructed).toBe(1);
  });

  it('copies accessors as accessors, without calling the getter', () => {
    let reads = 0;
    const original = {
      base: 2,
      get doubled() {
        reads++;
        return this.base * 2;
      },
    };
    const copy = deepClone(original);
    expect(reads).toBe(0);
    copy.base = 5;
    expect(copy.doubled).toBe(10);
  });

  it('copies symbol keys and non-enumerable properties with their attributes, and keeps frozen objects frozen', () => {
    const tag = Symbol('tag');
    const original = Object.freeze(
      Object.defineProperty({ [tag]: { deep: true } }, 'hidden', { value: [1] }),
    );
    const copy = deepClone(original);
    expect(copy[tag]).toEqual({ deep: true });
    expect(copy[tag]).not.toBe(original[tag]);
    expect(Object.getOwnPropertyDescriptor(copy, 'hidden')).toMatchObject({ value: [1], enumerable: false });
    expect(Object.isFrozen(copy)).toBe(true);
  });

  it('keeps each attribute of a data property on its own: non-enumerable, read-only, non-configurable', () => {
    const original = Object.defineProperties(
      {},
      {
        hidden: { value: 1, writable: true, enumerable: false, configurable: true },
        readOnly: { value: 2, writable: false, enumerable: true, configurable: true },
        pinned: { value: 3, writable: true, enumerable: true, configurable: false },
      },
    );
    expect(Object.getOwnPropertyDescriptors(deepClone(original))).toEqual(
      Object.getOwnPropertyDescriptors(original),
    );
  });

  it('keeps a frozen array frozen, a sealed array sealed and a non-extensible object non-extensible', () => {
    // Array elements are assigned, not defined with their attributes, so the copy must be frozen or sealed again.
    const frozen = deepClone(Object.freeze([1, { n: 2 }]));
    expect(Object.isFrozen(frozen)).toBe(true);
    const sealed = deepClone(Object.seal([1, 2]));
    expect([Object.isSealed(sealed), Object.isFrozen(sealed)]).toEqual([true, false]);
    const fixed = deepClone(Object.preventExtensions({ n: 1 }));
    expect([Object.isExtensible(fixed), Object.isSealed(fixed)]).toEqual([false, false]);
  });

  it('copies a null-prototype dictionary and keeps its null prototype', () => {
    const dict = Object.assign(Object.create(null) as Record<string, unknown>, { user: { n: 1 } });
    const copy = deepClone(dict);
    expect(Object.getPrototypeOf(copy)).toBe(null);
    expect(copy.user).toEqual({ n: 1 });
    expect(copy.user).not.toBe(dict.user);
  });

  it('skips a key that a Proxy lists but does not describe', () => {
    const proxy = new Proxy({ a: 1 }, { ownKeys: (target) => [...Reflect.ownKeys(target), 'ghost'] });
    const copy = deepClone(proxy);
    expect(copy).toEqual({ a: 1 });
    expect(Object.hasOwn(copy, 'ghost')).toBe(false);
  });

  it('shares functions instead of copying them, as Python deepcopy does', () => {
    const handler = () => 'ok';
    const copy = deepClone({ handler });
    expect(copy.handler).toBe(handler);
  });

  it('keeps an array’s trailing holes: its length is copied, not counted from its elements', () => {
    const original: unknown[] = [1];
    original.length = 3;
    const copy = deepClone(original);
    expect(copy).toHaveLength(3);
    expect(2 in copy).toBe(false);
  });

  it('keeps array holes but, unlike structuredClone, not named extra properties on an array', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is what this test copies.
    const original: Array<number | undefined> & { label?: string } = [1, , 3];
    original.label = 'sparse';
    const copy = deepClone(original);
    expect(copy).toHaveLength(3);
    expect(1 in copy).toBe(false);
    expect(Array.isArray(copy)).toBe(true);
    expect(copy.label).toBeUndefined();
    expect(structuredClone(original).label).toBe('sparse');
  });

  it('keeps an own __proto__ key (as JSON.parse can produce) as data, not as the prototype', () => {
    const original = JSON.parse('{"__proto__": {"admin": true}, "name": "x"}') as Record<string, unknown>;
    const copy = deepClone(original);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect((copy as { admin?: boolean }).admin).toBeUndefined();
  });

  it('defines, rather than assigns, a property an inherited accessor would intercept', () => {
    class Temperature {
      get celsius(): number {
        return 0;
      }
    }
    const original = Object.defineProperty(new Temperature(), 'celsius', {
      value: 21,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(deepClone(original).celsius).toBe(21);
  });

  it('cannot copy private #fields: the original reveals its secret, the copy’s methods throw', () => {
    const original = new Vault('s3cret');
    const copy = deepClone(original);
    expect(copy).toBeInstanceOf(Vault);
    expect(original.reveal()).toBe('s3cret');
    expect(() => copy.reveal()).toThrow(/Cannot read private member #secret/);
  });

  it('uses [deepCloneHook] when an object defines one (Python’s __deepcopy__)', () => {
    const history = ['opened'];
    const copy = deepClone({ vault: new CopyableVault('s3cret', history) });
    expect(copy.vault.reveal()).toBe('s3cret');
    expect(copy.vault.history).toEqual(['opened']);
    expect(copy.vault.history).not.toBe(history);
  });

  it('finds the hook by its registered symbol, so a class can define one without importing this module', () => {
    const selfCopying = { [Symbol.for('interview-lab.deepClone')]: () => 'made by the hook' };
    expect(deepClone(selfCopying)).toBe('made by the hook');
  });

  it('passes the memo to the hook, so a reference shared with the hook’s children stays shared', () => {
    const history = ['opened'];
    const copy = deepClone({ history, vault: new CopyableVault('s', history) });
    expect(copy.vault.history).toBe(copy.history);
  });

  it('refuses a cycle back into an object whose hook is still running, with a clear error', () => {
    class Node {
      next: unknown;
      [deepCloneHook](clone: CloneChild): Node {
        const copy = new Node();
        copy.next = clone(this.next);
        return copy;
      }
    }
    const node = new Node();
    node.next = { back: node };
    expect(() => deepClone(node)).toThrow(
      new TypeError(
        'deepClone: $<hook>.back leads back into an object whose [deepCloneHook] is still running',
      ),
    );
  });

  it('refuses WeakMap, WeakSet, WeakRef and Promise with a TypeError that says why', () => {
    expect(() => deepClone({ cache: new WeakMap() })).toThrow(
      new TypeError('deepClone: $.cache is a WeakMap; its entries cannot be enumerated'),
    );
    expect(() => deepClone([new WeakSet()])).toThrow(
      new TypeError('deepClone: $[0] is a WeakSet; its entries cannot be enumerated'),
    );
    expect(() => deepClone({ ref: new WeakRef({}) })).toThrow(
      new TypeError('deepClone: $.ref is a WeakRef; its target cannot be copied'),
    );
    expect(() => deepClone({ p: Promise.resolve(1) })).toThrow(
      new TypeError('deepClone: $.p is a Promise; its state cannot be read'),
    );
  });

  it('names the path to a refused value through symbol keys, Map keys and values, Set members and hooks', () => {
    const refusedAt = (value: unknown): string => {
      try {
        deepClone(value);
      } catch (error) {
        return (error as Error).message.replace(/^deepClone: (.*) is a .*$/, '$1');
      }
      throw new Error('expected deepClone to refuse');
    };
    expect(refusedAt({ [Symbol('cache')]: new WeakMap() })).toBe('$[Symbol(cache)]');
    expect(
      refusedAt({
        index: new Map<unknown, unknown>([
          [1, 'a'],
          [new WeakSet(), 'b'],
        ]),
      }),
    ).toBe('$.index<key #1>');
    expect(
      refusedAt({
        index: new Map<unknown, unknown>([
          ['a', 1],
          ['b', new WeakSet()],
        ]),
      }),
    ).toBe('$.index<value #1>');
    expect(refusedAt({ tags: new Set<unknown>(['a', new WeakMap()]) })).toBe('$.tags<item #1>');
    expect(refusedAt({ vault: new CopyableVault('s', [new WeakMap()] as never) })).toBe('$.vault<hook>[0]');
  });

  it('returns primitives as they are', () => {
    expect(deepClone(1n)).toBe(1n);
    expect(deepClone('s')).toBe('s');
    expect(deepClone(null)).toBe(null);
    expect(deepClone(Number.NaN)).toBeNaN();
  });
});
