import { describe, expect, it } from 'vitest';
import { jsonRoundTrip } from '../src/deep.ts';
import { describeLosses, sharedReferences } from '../src/inspect.ts';

describe('JSON round trip as a deep copy', () => {
  it('copies plain JSON data deeply', () => {
    const original = { user: { name: 'ada', roles: ['admin'] }, active: true, score: 1.5, note: null };
    const copy = jsonRoundTrip(original);
    expect(copy).toEqual(original);
    expect(sharedReferences(original, copy)).toEqual([]);
  });

  it('drops undefined and function properties', () => {
    const copy = jsonRoundTrip({ a: 1, gone: undefined, fn: () => 1 });
    expect(copy).toEqual({ a: 1 });
    expect(Object.keys(copy as object)).toEqual(['a']);
  });

  it('turns undefined and functions inside arrays into null', () => {
    expect(jsonRoundTrip([undefined, () => 1, 3])).toEqual([null, null, 3]);
  });

  it('turns a Date into an ISO string', () => {
    const copy = jsonRoundTrip({ at: new Date(0) }) as { at: unknown };
    expect(copy.at).toBe('1970-01-01T00:00:00.000Z');
    expect(copy.at instanceof Date).toBe(false);
  });

  it('loses Map and Set contents (both become {})', () => {
    const copy = jsonRoundTrip({ index: new Map([['k', 1]]), tags: new Set(['a']) });
    expect(copy).toEqual({ index: {}, tags: {} });
  });

  it('turns NaN, Infinity and -Infinity into null', () => {
    expect(jsonRoundTrip([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0])).toEqual([
      null,
      null,
      null,
      0,
    ]);
  });

  it('throws a TypeError on a cycle', () => {
    const node: { self?: unknown } = {};
    node.self = node;
    expect(() => jsonRoundTrip(node)).toThrow(TypeError);
    expect(() => jsonRoundTrip(node)).toThrow(/circular structure/);
  });

  it('throws a TypeError on a BigInt', () => {
    expect(() => jsonRoundTrip({ id: 2n ** 64n })).toThrow(TypeError);
    expect(() => jsonRoundTrip({ id: 1n })).toThrow(/BigInt/);
  });

  it('turns shared references into separate copies', () => {
    const shared = { n: 1 };
    const copy = jsonRoundTrip({ a: shared, b: shared }) as { a: object; b: object };
    expect(copy.a).toEqual(copy.b);
    expect(copy.a).not.toBe(copy.b);
  });

  it('loses class prototypes and uses toJSON where one exists', () => {
    class Money {
      constructor(public cents: number) {}
      toJSON() {
        return `${this.cents / 100} EUR`;
      }
    }
    class Point {
      constructor(public x: number) {}
    }
    expect(jsonRoundTrip({ price: new Money(150), at: new Point(1) })).toEqual({
      price: '1.5 EUR',
      at: { x: 1 },
    });
  });

  it('describeLosses lists each change of kind', () => {
    const original = { gone: undefined, at: new Date(0), nan: Number.NaN, list: [undefined], re: /a+/g };
    expect(describeLosses(original, jsonRoundTrip(original))).toEqual([
      { path: '$.gone', before: 'undefined', after: 'missing' },
      { path: '$.at', before: 'Date', after: 'string' },
      { path: '$.nan', before: 'NaN', after: 'null' },
      { path: '$.list[0]', before: 'undefined', after: 'null' },
      // A RegExp is compared as a whole: its own lastIndex is not listed as a second loss.
      { path: '$.re', before: 'RegExp', after: 'Object' },
    ]);
  });
});
