import { builtinIterator as builtinIteratorHelpers } from '@lab/generators/iterator-helpers';
import { map as lazyMap, range } from '@lab/generators/lazy';
import { describe, expect, it } from 'vitest';
import {
  distinctPairs,
  evenSquares,
  evenSquaresFlatMap,
  lengthsByWord,
  lengthsByWordMap,
  lowercased,
  sumOfEvenSquares,
  sumOfSquaresLazy,
} from '../src/comprehensions.ts';
import { squareVariants } from '../src/squares.ts';

describe('every way of building the squares agrees', () => {
  for (const n of [0, 1, 7, 1000]) {
    it(`n = ${n}`, () => {
      const xs = Array.from({ length: n }, (_, i) => i);
      const expected = xs.map((x) => x ** 2);
      for (const [name, build] of Object.entries(squareVariants)) {
        expect({ name, result: build(xs) }).toEqual({ name, result: expected });
      }
    });
  }

  it('the variants leave their input untouched', () => {
    const xs = [3, 1, 2];
    for (const build of Object.values(squareVariants)) build(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('comprehension counterparts', () => {
  it('filter+map and flatMap give the same list', () => {
    const xs = [...range(20)];
    expect(evenSquares(xs)).toEqual([0, 4, 16, 36, 64, 100, 144, 196, 256, 324]);
    expect(evenSquaresFlatMap(xs)).toEqual(evenSquares(xs));
  });

  it('nested flatMap matches the nested comprehension, in the same order', () => {
    expect(distinctPairs(3)).toEqual([
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 2],
      [2, 0],
      [2, 1],
    ]);
    expect(distinctPairs(0)).toEqual([]);
  });

  it('dict and set comprehensions', () => {
    const words = ['map', 'filter', 'map', 'constructor'];
    expect(lengthsByWord(words)).toEqual({ map: 3, filter: 6, constructor: 11 });
    expect([...lengthsByWordMap(words)]).toEqual([
      ['map', 3],
      ['filter', 6],
      ['constructor', 11],
    ]);
    expect(lowercased(['Ann', 'ANN', 'bob'])).toEqual(new Set(['ann', 'bob']));
  });

  it('generator expressions: lazy sums equal the eager ones', () => {
    const xs = [...range(1001)];
    expect(sumOfSquaresLazy(1001)).toBe(xs.reduce((a, x) => a + x * x, 0));
    const major = Number(process.versions.node.split('.')[0]);
    const { total, used } = sumOfEvenSquares(1001);
    expect(total).toBe(evenSquares(xs).reduce((a, x) => a + x, 0));
    expect(used).toBe(major >= 22 ? 'built-in' : 'lazy.ts');
    expect(builtinIteratorHelpers() !== undefined).toBe(major >= 22);
  });

  it('a lazy map runs its function only for pulled values', () => {
    let calls = 0;
    const squares = lazyMap(range(1_000_000), (x) => {
      calls++;
      return x * x;
    });
    expect(calls).toBe(0);
    squares.next();
    squares.next();
    expect(calls).toBe(2);
  });

  it('range rejects bad input', () => {
    expect(() => [...range(-1)]).toThrow(RangeError);
  });
});
