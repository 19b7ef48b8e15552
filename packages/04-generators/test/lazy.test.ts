import { describe, expect, it, vi } from 'vitest';
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

  it('rejects bad counts with an error that names the helper and the value', () => {
    expect(() => [...take(naturals(), -1)]).toThrow(
      new RangeError('take: count must be a non-negative integer, got -1'),
    );
    expect(() => [...range(1.5)]).toThrow(RangeError);
    expect(() => [...range(1.5)]).toThrow('range: count must be a non-negative integer, got 1.5');
  });

  it('map passes each value’s position, like Array.prototype.map', () => {
    expect([...map(['a', 'b', 'c'], (value, index) => `${index}:${value}`)]).toEqual(['0:a', '1:b', '2:c']);
  });
});
