import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstMatches, hasIteratorHelpers } from '../src/iterator-helpers.ts';
import { filter, map, naturals, range, take } from '../src/lazy.ts';

const major = Number(process.versions.node.split('.')[0]);
const square = (n: number) => n * n;
const odd = (n: number) => n % 2 === 1;

describe('iterator helpers (ES2025) are guarded', () => {
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

/**
 * Node 22's `Iterator`, played on any Node by lazy.ts: the global the guard inspects, so the built-in
 * branch and every partial global run here too.
 */
class StandInIterator<T> {
  constructor(private readonly values: Iterable<T>) {}
  static from<T>(source: Iterable<T>): StandInIterator<T> {
    return new StandInIterator(source);
  }
  map<U>(fn: (value: T) => U): StandInIterator<U> {
    return new StandInIterator(map(this.values, fn));
  }
  filter(keep: (value: T) => boolean): StandInIterator<T> {
    return new StandInIterator(filter(this.values, keep));
  }
  take(count: number): StandInIterator<T> {
    return new StandInIterator(take(this.values, count));
  }
  reduce<A>(fn: (acc: A, value: T) => A, initial: A): A {
    let acc = initial;
    for (const value of this.values) acc = fn(acc, value);
    return acc;
  }
  toArray(): T[] {
    return [...this.values];
  }
}

const HELPERS = ['map', 'filter', 'take', 'reduce', 'toArray'] as const;

/** An `Iterator` global with every helper but `missing` on its prototype. */
function iteratorWithout(missing: (typeof HELPERS)[number]) {
  const prototype = Object.fromEntries(
    HELPERS.filter((name) => name !== missing).map((name) => [name, StandInIterator.prototype[name]]),
  );
  return { from: StandInIterator.from, prototype };
}

describe('the guard, with an Iterator global put in place', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('a complete Iterator is used: firstMatches runs on the built-in helpers', () => {
    vi.stubGlobal('Iterator', StandInIterator);
    const from = vi.spyOn(StandInIterator, 'from');
    const source = range(20);
    expect(hasIteratorHelpers()).toBe(true);
    expect(firstMatches(source, square, odd, 4)).toEqual({ values: [1, 9, 25, 49], used: 'built-in' });
    expect(from).toHaveBeenCalledExactlyOnceWith(source);
  });

  // Node 20 started with --harmony-iterator-helpers is such a Node: Iterator.from, map, filter, take and
  // drop, but no reduce or toArray. Calling the built-ins there would throw a TypeError at .toArray().
  const partials: Array<[string, object]> = [
    ...HELPERS.map((name): [string, object] => [`no ${name}`, iteratorWithout(name)]),
    ['no Iterator.from', { prototype: StandInIterator.prototype }],
    ['Iterator.from and no prototype', { from: StandInIterator.from }],
  ];
  it.each(partials)('a partial Iterator (%s) counts as missing, and lazy.ts runs instead', (_, partial) => {
    vi.stubGlobal('Iterator', partial);
    expect(hasIteratorHelpers()).toBe(false);
    expect(firstMatches(range(20), square, odd, 4)).toEqual({ values: [1, 9, 25, 49], used: 'lazy.ts' });
  });
});
