import { describe, expect, it } from 'vitest';
import { deepClone } from '../src/clone.ts';
import { describeLosses, kindOf, sharedReferences } from '../src/inspect.ts';

describe('kindOf', () => {
  it('names kinds finer than typeof', () => {
    expect(
      [null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1, 's', [], new Map(), {}].map(
        kindOf,
      ),
    ).toEqual(['null', 'NaN', 'Infinity', '-Infinity', 'number', 'string', 'Array', 'Map', 'Object']);
    class Point {}
    expect(kindOf(new Point())).toBe('Point');
    expect(kindOf(Object.create(null))).toBe('Object');
    expect(kindOf(Object.create(Object.create(null)))).toBe('Object');
  });

  it('names an Array subclass by its class, as it names any other class', () => {
    class Stack extends Array<number> {}
    expect(kindOf(Stack.from([1, 2]))).toBe('Stack');
  });
});

describe('sharedReferences', () => {
  it('finds objects reachable from both, through Map values and Set members', () => {
    const inner = { n: 1 };
    const other = { n: 2 };
    const original = { m: new Map([['k', inner]]), list: [other] };
    const copy = { m: new Map(original.m), s: new Set([other]) };
    expect(sharedReferences(original, copy).sort()).toEqual(['$.m<value #0>', '$.s<item #0>']);
  });

  it('writes each path as code reaches it: [index], .name, [Symbol(…)], <key #i>, <value #i>, <item #i>', () => {
    const objects = Array.from({ length: 7 }, (_, i) => ({ i }));
    const [byIndex, byName, byDigitName, byKey, byValue, byMember, bySymbol] = objects;
    const tag = Symbol('tag');
    const holder = {
      v2: byName,
      '2d': byDigitName,
      index: new Map<unknown, unknown>([
        ['a', 1],
        [byKey, byValue],
      ]),
      tags: new Set<unknown>(['a', byMember]),
      list: [...Array.from({ length: 10 }, () => 0), byIndex],
      [tag]: bySymbol,
    };
    expect(sharedReferences(objects, holder).sort()).toEqual([
      '$.2d',
      '$.index<key #1>',
      '$.index<value #1>',
      '$.list[10]',
      '$.tags<item #1>',
      '$.v2',
      '$[Symbol(tag)]',
    ]);
  });

  it('terminates on cycles', () => {
    const node: { self?: unknown } = {};
    node.self = node;
    expect(sharedReferences(node, {})).toEqual([]);
    expect(sharedReferences(node, node)).toEqual(['$']);
  });
});

describe('describeLosses', () => {
  it('is empty for an identical structure', () => {
    expect(describeLosses({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });

  it('reports a missing property and a changed kind, and looks inside a prototype change', () => {
    class Point {
      constructor(public at: Date) {}
    }
    expect(describeLosses({ p: new Point(new Date(0)), x: 1 }, { p: { at: 'then' } })).toEqual([
      { path: '$.p', before: 'Point', after: 'Object' },
      { path: '$.p.at', before: 'Date', after: 'string' },
      { path: '$.x', before: 'number', after: 'missing' },
    ]);
  });

  it('reports a primitive that became an object (a date string revived as a Date)', () => {
    expect(describeLosses({ at: '1970-01-01T00:00:00.000Z' }, { at: new Date(0) })).toEqual([
      { path: '$.at', before: 'string', after: 'Date' },
    ]);
  });

  it('reports an array spread into an object once, not its length', () => {
    const list = ['a', 'b'];
    expect(describeLosses(list, { ...list })).toEqual([{ path: '$', before: 'Array', after: 'Object' }]);
  });

  it('compares data properties only: it never calls a getter, on the original or the copy', () => {
    let reads = 0;
    const original = {
      get now() {
        return ++reads;
      },
    };
    expect(describeLosses(original, deepClone(original))).toEqual([]);
    expect(reads).toBe(0);
  });

  it('skips a key that a Proxy lists but does not describe', () => {
    const proxy = new Proxy({ a: { n: 1 } }, { ownKeys: (target) => [...Reflect.ownKeys(target), 'ghost'] });
    expect(sharedReferences(proxy, { a: proxy.a })).toEqual(['$.a']);
    expect(describeLosses(proxy, { a: { n: 1 } })).toEqual([]);
  });
});
