import { describe, expect, it } from 'vitest';
import { range } from '../src/lazy.ts';
import {
  firstSquaresOfEvensEager,
  firstSquaresOfEvensLazy,
  sumSquaresOfEvensEager,
  sumSquaresOfEvensLazy,
  sumSquaresOfEvensLoop,
} from '../src/pipelines.ts';
import { squaresArray, squaresGenerator } from '../src/squares.ts';

const data = Array.from({ length: 10_001 }, (_, i) => i);

describe('array, generator and loop pipelines agree', () => {
  it('on the sum of squares of evens', () => {
    const expected = sumSquaresOfEvensLoop(data);
    expect(expected).toBe(166_716_670_000);
    expect(sumSquaresOfEvensEager(data)).toBe(expected);
    expect(sumSquaresOfEvensLazy(data)).toBe(expected);
    expect(sumSquaresOfEvensLazy(range(data.length))).toBe(expected);
  });

  it('on the first k squares of evens', () => {
    expect(firstSquaresOfEvensEager(data, 4)).toEqual([0, 4, 16, 36]);
    expect(firstSquaresOfEvensLazy(data, 4)).toEqual([0, 4, 16, 36]);
  });

  it('probes see every value the lazy pipeline produces', () => {
    const seen: number[] = [];
    sumSquaresOfEvensLazy(range(10), (i) => seen.push(i));
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('the squares array and generator hold the same values', () => {
    expect([...squaresGenerator(6)]).toEqual(squaresArray(6));
    expect([...squaresGenerator(0)]).toEqual([]);
  });
});
