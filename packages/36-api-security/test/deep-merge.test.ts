import { afterEach, describe, expect, it } from 'vitest';
import { naiveDeepMerge, safeDeepMerge } from '../src/deep-merge.ts';

/** A payload as the JSON parser delivers it: "__proto__" is an own key, not the prototype. */
const parsed = (text: string) => JSON.parse(text) as Record<string, unknown>;
const PROTO = '{"theme":"dark","__proto__":{"polluted":"via __proto__"}}';
const CONSTRUCTOR = '{"constructor":{"prototype":{"polluted":"via constructor.prototype"}}}';

const pollution = () => (({}) as Record<string, unknown>).polluted;

afterEach(() => {
  // The naive merge really pollutes this process: clean up so no other test inherits it.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('JSON.parse alone', () => {
  it('makes "__proto__" an own property and leaves the prototype alone', () => {
    const body = parsed(PROTO);
    expect(Object.keys(body)).toEqual(['theme', '__proto__']);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(pollution()).toBeUndefined();
  });
});

describe('naiveDeepMerge (deliberately vulnerable)', () => {
  it('a __proto__ key pollutes Object.prototype', () => {
    naiveDeepMerge({}, parsed(PROTO));
    expect(pollution()).toBe('via __proto__');
  });

  it('a constructor.prototype path pollutes it as well', () => {
    naiveDeepMerge({}, parsed(CONSTRUCTOR));
    expect(pollution()).toBe('via constructor.prototype');
  });

  it('merges ordinary objects as expected (which is why it ships)', () => {
    expect(naiveDeepMerge({ a: { b: 1 } }, { a: { c: 2 }, d: 3 })).toEqual({ a: { b: 1, c: 2 }, d: 3 });
  });
});

describe('safeDeepMerge', () => {
  it.each([
    ['__proto__', PROTO],
    ['constructor.prototype', CONSTRUCTOR],
    ['nested __proto__', '{"a":{"__proto__":{"polluted":1}}}'],
    ['prototype key', '{"prototype":{"polluted":1}}'],
  ])('%s leaves Object.prototype untouched and the key out', (_, text) => {
    const merged = safeDeepMerge({ a: { keep: true } }, parsed(text));
    expect(pollution()).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.hasOwn(merged, '__proto__')).toBe(false);
    expect(Object.hasOwn(merged, 'constructor')).toBe(false);
    expect(Object.hasOwn(merged, 'prototype')).toBe(false);
    expect(Object.hasOwn(merged.a as object, '__proto__')).toBe(false);
  });

  it('keeps the rest of the payload next to the dropped key', () => {
    expect(safeDeepMerge({}, parsed(PROTO))).toEqual({ theme: 'dark' });
  });

  it('merges nested objects, replaces arrays and scalars, and changes neither input', () => {
    const target = { ui: { theme: 'light', font: 12 }, tags: ['a'], n: 1 };
    const source = { ui: { theme: 'dark' }, tags: ['b', 'c'], n: { now: 'object' } };
    const before = JSON.stringify([target, source]);
    expect(safeDeepMerge(target, source)).toEqual({
      ui: { theme: 'dark', font: 12 },
      tags: ['b', 'c'],
      n: { now: 'object' },
    });
    expect(JSON.stringify([target, source])).toBe(before);
  });

  it('an object replaces a scalar rather than merging into it', () => {
    expect(safeDeepMerge({ a: 1 }, { a: { b: 2 } })).toEqual({ a: { b: 2 } });
  });

  it('drops forbidden keys that were already stored in the target', () => {
    const target = parsed('{"ok":1,"__proto__":{"x":1},"constructor":2}');
    expect(safeDeepMerge(target, {})).toEqual({ ok: 1 });
  });

  it('does not recurse into an inherited value of the same name', () => {
    // `toString` is inherited by every object; a safe merge must not treat it as the target's own.
    const merged = safeDeepMerge({}, { toString: { x: 1 } });
    expect(merged).toEqual({ toString: { x: 1 } });
    expect(Object.prototype.toString).toBeTypeOf('function');
  });
});
