import { describe, expect, it } from 'vitest';
import { by, Countdown, Duck, descending, Money, natural, Range, thenBy, ValueMap } from '../src/index.ts';

describe('iteration protocols', () => {
  it('Range works with spread, for…of and destructuring through Symbol.iterator', () => {
    const range = new Range(0, 10, 3);
    expect([...range]).toEqual([0, 3, 6, 9]);
    const [first, second] = range;
    expect([first, second]).toEqual([0, 3]);
    expect(range.size).toBe(4);
    expect(range.has(6)).toBe(true);
    expect(range.has(7)).toBe(false);
    expect(range.at(-1)).toBe(9);
    expect(range.at(4)).toBeUndefined();
    expect([...new Range(5, 0, -2)]).toEqual([5, 3, 1]);
  });

  it('Range measures from its start: has and at at both edges, like Python range', () => {
    const range = new Range(1, 10, 3); // 1, 4, 7
    expect([1, 4, 7, -2, 10, 5].map((n) => range.has(n))).toEqual([true, true, true, false, false, false]);
    expect([0, 2, 3, -1, -3, -4].map((i) => range.at(i))).toEqual([1, 7, undefined, 7, 1, undefined]);
    expect(() => new Range(0, 5, 0)).toThrow(new RangeError('step must not be zero'));
  });

  it('Countdown is consumed with for await, one tick per value', async () => {
    let ticks = 0;
    const seen: number[] = [];
    for await (const n of new Countdown(3, async () => {
      ticks++;
    }))
      seen.push(n);
    expect(seen).toEqual([3, 2, 1]);
    expect(ticks).toBe(3);
  });
});

describe('Symbol.hasInstance', () => {
  it('makes instanceof structural', () => {
    expect({ quack: () => 'quack' } instanceof Duck).toBe(true);
    expect({ bark: () => 'woof' } instanceof Duck).toBe(false);
    const nothing = null as unknown as object;
    expect(nothing instanceof Duck).toBe(false);
  });
});

describe('keys by value', () => {
  it('a Map keys objects by identity: equal Money is two keys', () => {
    const map = new Map<Money, string>();
    map.set(Money.of('9.99', 'USD'), 'coffee');
    map.set(Money.of('9.99', 'USD'), 'coffee again');
    expect(map.size).toBe(2);
    expect(map.get(Money.of('9.99', 'USD'))).toBeUndefined();
  });

  it('a ValueMap keys by a derived value: equal Money is one key', () => {
    const map = new ValueMap<Money, string>((m) => m.key());
    map.set(Money.of('9.99', 'USD'), 'coffee');
    map.set(Money.of('9.99', 'USD'), 'coffee again');
    map.set(Money.of('9.99', 'EUR'), 'café');
    expect(map.size).toBe(2);
    expect(map.get(Money.of('9.99', 'USD'))).toBe('coffee again');
    expect([...map].map(([k, v]) => `${k}=${v}`)).toEqual(['9.99 USD=coffee again', '9.99 EUR=café']);
  });

  it('a ValueMap answers has, get and delete by value as well', () => {
    const map = new ValueMap<Money, string>((m) => m.key()).set(Money.of('1.00', 'USD'), 'one');
    expect(map.has(Money.of('1.00', 'USD'))).toBe(true);
    expect(map.has(Money.of('1.00', 'EUR'))).toBe(false);
    expect(map.get(Money.of('2.00', 'USD'))).toBeUndefined();
    expect(map.delete(Money.of('1.00', 'USD'))).toBe(true);
    expect(map.delete(Money.of('1.00', 'USD'))).toBe(false);
    expect(map.size).toBe(0);
  });
});

describe('comparators', () => {
  it('the default sort compares strings, not numbers', () => {
    expect([10, 9, 1].sort()).toEqual([1, 10, 9]);
    expect([10, 9, 1].sort(by((n) => n))).toEqual([1, 9, 10]);
  });

  it('by answers -1, 0 or 1 from the derived key', () => {
    const byLength = by((s: string) => s.length);
    expect([byLength('a', 'bb'), byLength('aa', 'bb'), byLength('bb', 'a')]).toEqual([-1, 0, 1]);
  });

  it('natural sorts anything Comparable by its compareTo', () => {
    const prices = ['10.00', '-1.00', '9.99'].map((a) => Money.of(a, 'USD'));
    expect(prices.toSorted(natural).map(String)).toEqual(['-1.00 USD', '9.99 USD', '10.00 USD']);
  });

  it('sort by several keys, like a tuple key in Python', () => {
    const people = [
      { name: 'b', age: 30 },
      { name: 'a', age: 30 },
      { name: 'c', age: 25 },
    ];
    const sorted = people.toSorted(
      thenBy(
        descending(by((p) => p.age)),
        by((p) => p.name),
      ),
    );
    expect(sorted.map((p) => p.name)).toEqual(['a', 'b', 'c']);
  });
});
