import { describe, expect, it, vi } from 'vitest';
import { firstMatches, hasIteratorHelpers } from '../src/iterator-helpers.ts';
import { filter, map, naturals, range, sum, take } from '../src/lazy.ts';

describe('lazy helpers compute only what is consumed', () => {
  it('maps exactly k values of an infinite sequence when only k are taken', () => {
    const square = vi.fn((n: number) => n * n);
    const firstFive = take(map(naturals(), square), 5);
    expect(square).not.toHaveBeenCalled(); // building the pipeline runs nothing
    expect([...firstFive]).toEqual([0, 1, 4, 9, 16]);
    expect(square).toHaveBeenCalledTimes(5);
  });

  it('an array pipeline maps every element even when only k are kept', () => {
    const square = vi.fn((n: number) => n * n);
    const firstFive = Array.from({ length: 1000 }, (_, i) => i)
      .map(square)
      .slice(0, 5);
    expect(firstFive).toEqual([0, 1, 4, 9, 16]);
    expect(square).toHaveBeenCalledTimes(1000);
  });

  it('pulls source values only until the k-th match', () => {
    const pulled: number[] = [];
    const source = map(naturals(), (n) => {
      pulled.push(n);
      return n;
    });
    const multiplesOf7 = [
      ...take(
        filter(source, (n) => n % 7 === 0),
        3,
      ),
    ];
    expect(multiplesOf7).toEqual([0, 7, 14]);
    expect(pulled).toEqual(Array.from({ length: 15 }, (_, i) => i)); // 0 … 14, not one more
  });

  it('take(0) never touches its source', () => {
    const square = vi.fn((n: number) => n * n);
    expect([...take(map(naturals(), square), 0)]).toEqual([]);
    expect(square).not.toHaveBeenCalled();
  });

  it('a generator is single-use: a second pass sees nothing', () => {
    const squares = map(range(4), (n) => n * n);
    expect(sum(squares)).toBe(14);
    expect(sum(squares)).toBe(0);
  });

  it('rejects bad counts with a clear error', () => {
    expect(() => [...take(naturals(), -1)]).toThrow(/non-negative integer/);
    expect(() => [...range(1.5)]).toThrow(RangeError);
  });
});

describe('iterator helpers (ES2025) are guarded', () => {
  const major = Number(process.versions.node.split('.')[0]);

  it('are detected exactly on Node 22 and later', () => {
    expect(hasIteratorHelpers()).toBe(major >= 22);
  });

  it('give the same lazy result with whichever implementation this Node has', () => {
    const seen = vi.fn((n: number) => n);
    const { values, used } = firstMatches(
      naturals(1),
      (n) => seen(n) * n,
      (sq) => sq % 2 === 1,
      4,
    );
    expect(values).toEqual([1, 9, 25, 49]);
    expect(used).toBe(major >= 22 ? 'built-in' : 'lazy.ts');
    expect(seen).toHaveBeenCalledTimes(7); // 1 … 7: lazy either way
  });
});
