import { describe, expect, it } from 'vitest';
import { canonicalKey, ValueMap, ValueSet } from '../src/value-keys.ts';

describe('Map and Set compare object keys by identity', () => {
  it('two equal tuples are two keys, and a fresh equal tuple finds nothing', () => {
    const seats = new Map<[string, number], string>();
    seats.set(['A', 1], 'Ada');
    seats.set(['A', 1], 'Grace');
    expect(seats.size).toBe(2);
    expect(seats.get(['A', 1])).toBeUndefined();
  });

  it('the same object is one key', () => {
    const key = ['A', 1] as const;
    const seats = new Map([[key, 'Ada']]);
    expect(seats.get(key)).toBe('Ada');
  });

  it('a Set keeps equal objects apart but merges equal primitives', () => {
    expect(new Set([{ id: 1 }, { id: 1 }]).size).toBe(2);
    expect(new Set(['1', '1', 1]).size).toBe(2);
  });
});

describe('canonicalKey', () => {
  it('is equal for equal values, whatever the key order', () => {
    expect(canonicalKey({ b: 2, a: [1, { d: 4, c: 3 }] })).toBe(
      canonicalKey({ a: [1, { c: 3, d: 4 }], b: 2 }),
    );
  });

  it('keeps strings, numbers, bigints, booleans and null apart', () => {
    const keys = ['1', 1, 1n, true, 'true', null, 'null', undefined, [1], '[1]'].map(canonicalKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('follows Map’s rules for numbers: 0 and -0 are one key, NaN is one key', () => {
    expect(canonicalKey(-0)).toBe(canonicalKey(0));
    expect(canonicalKey(Number.NaN)).toBe(canonicalKey(Number.NaN));
    expect(canonicalKey(Number.NaN)).not.toBe(canonicalKey(null));
  });

  it('keys Dates by their time', () => {
    expect(canonicalKey(new Date(5))).toBe(canonicalKey(new Date(5)));
    expect(canonicalKey(new Date(5))).not.toBe(canonicalKey(new Date(6)));
  });

  it('tells {a: undefined} from {}', () => {
    expect(canonicalKey({ a: undefined })).not.toBe(canonicalKey({}));
  });

  it('accepts a shared (non-cyclic) sub-value', () => {
    const shared = [1];
    expect(canonicalKey({ a: shared, b: shared })).toBe('{"a":[1],"b":[1]}');
  });

  it('rejects what has no value identity, naming the path', () => {
    expect(() => canonicalKey({ f: () => 1 })).toThrow(/\$\.f is a function/);
    expect(() => canonicalKey([Symbol('s')])).toThrow(/\$\[0\] is a symbol/);
    expect(() => canonicalKey({ m: new Map() })).toThrow(/\$\.m is a Map/);
    class Point {
      x = 1;
    }
    expect(() => canonicalKey(new Point())).toThrow(/\$ is a Point/);
  });

  it('rejects a cycle with a TypeError instead of recursing forever', () => {
    const loop: { self?: unknown } = {};
    loop.self = loop;
    expect(() => canonicalKey(loop)).toThrow(/\$\.self refers back.*cycle/);
  });
});

describe('ValueMap and ValueSet', () => {
  it('finds an entry with an equal, distinct key', () => {
    const seats = new ValueMap<[string, number], string>([[['A', 1], 'Ada']]);
    expect(seats.get(['A', 1])).toBe('Ada');
    expect(seats.has(['A', 2])).toBe(false);
  });

  it('replaces the value for an equal key and keeps the first key object', () => {
    const firstKey: [string, number] = ['A', 1];
    const seats = new ValueMap<[string, number], string>();
    seats.set(firstKey, 'Ada').set(['A', 1], 'Grace');
    expect(seats.size).toBe(1);
    expect([...seats]).toEqual([[['A', 1], 'Grace']]);
    expect([...seats.keys()][0]).toBe(firstKey);
  });

  it('deletes and clears by value', () => {
    const map = new ValueMap<{ id: number }, string>([
      [{ id: 1 }, 'a'],
      [{ id: 2 }, 'b'],
    ]);
    expect(map.delete({ id: 1 })).toBe(true);
    expect(map.delete({ id: 1 })).toBe(false);
    expect([...map.values()]).toEqual(['b']);
    map.clear();
    expect(map.size).toBe(0);
  });

  it('snapshots the key: mutating a key object afterwards strands its entry', () => {
    const key = { id: 1 };
    const map = new ValueMap([[key, 'a']]);
    key.id = 2;
    expect(map.get(key)).toBeUndefined();
    expect(map.get({ id: 1 })).toBe('a');
  });

  it('accepts a custom key function', () => {
    const byEmail = new ValueMap<{ email: string }, number>(undefined, (u) => u.email.toLowerCase());
    byEmail.set({ email: 'Ada@Example.com' }, 1);
    expect(byEmail.get({ email: 'ada@example.com' })).toBe(1);
  });

  it('a ValueSet deduplicates equal records', () => {
    const set = new ValueSet([
      { x: 1, y: 2 },
      { y: 2, x: 1 },
      { x: 2, y: 1 },
    ]);
    expect(set.size).toBe(2);
    expect(set.has({ x: 1, y: 2 })).toBe(true);
    expect(set.delete({ x: 2, y: 1 })).toBe(true);
    expect([...set]).toEqual([{ x: 1, y: 2 }]);
    set.add({ x: 1, y: 2 });
    expect(set.size).toBe(1);
  });
});
