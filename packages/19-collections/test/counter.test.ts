import { describe, expect, it } from 'vitest';
import { Counter } from '../src/counter.ts';

const words = ['apple', 'banana', 'apple', 'cherry', 'banana', 'apple'];

describe('Counter', () => {
  it('counts items, and a missing item counts 0 without creating an entry', () => {
    const c = new Counter(words);
    expect([c.count('apple'), c.count('banana'), c.count('cherry')]).toEqual([3, 2, 1]);
    expect(c.count('durian')).toBe(0);
    expect(c.size).toBe(3);
    expect(c.total()).toBe(6);
  });

  it('mostCommon sorts by count, ties in first-counted order, and takes n', () => {
    const c = new Counter('mississippi');
    expect(c.mostCommon()).toEqual([
      ['i', 4],
      ['s', 4],
      ['p', 2],
      ['m', 1],
    ]);
    expect(c.mostCommon(2)).toEqual([
      ['i', 4],
      ['s', 4],
    ]);
    expect(c.mostCommon(0)).toEqual([]);
    expect(c.mostCommon(-1)).toEqual([]);
    expect(new Counter<string>().mostCommon(3)).toEqual([]);
  });

  it('plus and minus keep only positive counts and leave both operands unchanged', () => {
    const a = Counter.fromCounts([
      ['a', 3],
      ['b', 1],
    ]);
    const b = Counter.fromCounts([
      ['a', 1],
      ['b', 2],
      ['c', -4],
    ]);
    expect([...a.plus(b)]).toEqual([
      ['a', 4],
      ['b', 3],
    ]);
    // c: 0 - (-4) = 4 is positive, so it is kept: Python's Counter(a=3, b=1) - Counter(a=1, b=2, c=-4) says the same.
    expect([...a.minus(b)]).toEqual([
      ['a', 2],
      ['c', 4],
    ]);
    expect([...a]).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    expect(b.count('c')).toBe(-4);
  });

  it('subtract keeps counts that reach zero or go negative, as Python does', () => {
    const c = new Counter(['x', 'x', 'y']);
    c.subtract(['x', 'x', 'y', 'y']);
    expect([...c]).toEqual([
      ['x', 0],
      ['y', -1],
    ]);
    expect(c.size).toBe(2);
    expect(c.total()).toBe(-1);
    expect([...c.positive()]).toEqual([]);
    c.subtract(Counter.fromCounts([['y', -3]]));
    expect(c.count('y')).toBe(2);
  });

  it('add with a negative step, delete, and toJSON', () => {
    const c = new Counter<string | number>();
    expect(c.add('a', 5)).toBe(5);
    expect(c.add('a', -5)).toBe(0);
    expect(c.count('a')).toBe(0);
    expect(c.size).toBe(1);
    expect(c.delete('a')).toBe(true);
    expect(c.delete('a')).toBe(false);
    expect(c.size).toBe(0);
    c.update([1, 1, 'b']);
    expect(c.toJSON()).toEqual({ 1: 2, b: 1 });
    expect(JSON.stringify(c)).toBe('{"1":2,"b":1}');
  });

  it('compares object keys by identity, like a Map', () => {
    const c = new Counter<object>();
    c.add({ id: 1 });
    c.add({ id: 1 });
    expect(c.size).toBe(2);
  });
});
