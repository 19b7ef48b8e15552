import { describe, expect, it } from 'vitest';
import { describeLosses, kindOf, sharedReferences } from '../src/inspect.ts';

describe('kindOf', () => {
  it('names kinds finer than typeof', () => {
    expect([null, Number.NaN, Number.NEGATIVE_INFINITY, 1, 's', [], new Map(), {}].map(kindOf)).toEqual([
      'null',
      'NaN',
      '-Infinity',
      'number',
      'string',
      'Array',
      'Map',
      'Object',
    ]);
    class Point {}
    expect(kindOf(new Point())).toBe('Point');
    expect(kindOf(Object.create(null))).toBe('Object');
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
});
