import { describe, expect, expectTypeOf, it } from 'vitest';
import { namedTuple, type Point, tupleEquals, tupleKey } from '../src/named-tuple.ts';

describe('namedTuple', () => {
  const serverTuple = () => namedTuple('host', 'port', 'protocol');

  it('answers by name and by index, destructures, and is an array', () => {
    const s = serverTuple()('example.com', 443, 'https');
    expect([s.host, s.port, s.protocol]).toEqual(['example.com', 443, 'https']);
    expect([s[0], s[1], s[2]]).toEqual(['example.com', 443, 'https']);
    const [host, port] = s;
    expect([host, port]).toEqual(['example.com', 443]);
    expect(Array.isArray(s)).toBe(true);
    expect(s).toHaveLength(3);
    expectTypeOf(s.port).toEqualTypeOf<443>();
    expectTypeOf(s[0]).toEqualTypeOf<'example.com'>();
  });

  it('is frozen at run time, and its names do not show up as keys or in JSON', () => {
    const s = serverTuple()('a', 1, 'http');
    expect(Object.isFrozen(s)).toBe(true);
    expect(() => {
      (s as unknown as unknown[])[0] = 'b';
    }).toThrow(TypeError);
    expect(Object.keys(s)).toEqual(['0', '1', '2']);
    expect(JSON.stringify(s)).toBe('["a",1,"http"]');
    const forIn: string[] = [];
    for (const key in s) forIn.push(key);
    expect(forIn).toEqual(['0', '1', '2']);
  });

  it('checks the arity at run time too', () => {
    const loose = serverTuple() as unknown as (...values: unknown[]) => unknown;
    expect(() => loose('a', 1)).toThrow('expected 3 values (host, port, protocol), got 2');
  });

  it('refuses duplicate names and names that would shadow array members', () => {
    expect(() => namedTuple('x', 'x')).toThrow("duplicate field name 'x'");
    expect(() => namedTuple('length')).toThrow(/shadow/);
    expect(() => namedTuple('map')).toThrow(/shadow/);
    expect(() => namedTuple('0')).toThrow(/shadow/);
    expect(() => namedTuple('12')).toThrow(/shadow/);
    expect(namedTuple('x1', '1x', 'a', 'b')(1, 2, 3, 4)).toEqual([1, 2, 3, 4]);
  });

  it('gives each tuple type its own getters', () => {
    const A = namedTuple('x');
    const B = namedTuple('y');
    const a = A(1);
    expect(a.x).toBe(1);
    expect((a as unknown as { y?: number }).y).toBeUndefined();
    expect(B(2).y).toBe(2);
  });
});

describe('plain labelled tuples', () => {
  it('have no names at run time and compare by identity', () => {
    const p: Point = [3, 4];
    expect('x' in p).toBe(false);
    expect(p === ([3, 4] as Point)).toBe(false);
    expect(tupleEquals(p, [3, 4])).toBe(true);
    expect(tupleEquals(p, [3, 5])).toBe(false);
    expect(tupleEquals(p, [3])).toBe(false);
    expect(tupleEquals([3], p)).toBe(false);
    expect(tupleEquals([Number.NaN], [Number.NaN])).toBe(true);
  });

  it('become usable Map keys through tupleKey', () => {
    const byArray = new Map<readonly number[], string>([[[1, 2], 'a']]);
    expect(byArray.get([1, 2])).toBeUndefined();
    const byKey = new Map([[tupleKey([1, 2]), 'a']]);
    expect(byKey.get(tupleKey([1, 2]))).toBe('a');
    expect(tupleKey([1, '2'])).not.toBe(tupleKey([1, 2]));
  });
});
