/**
 * Python's four comprehension kinds and their everyday TypeScript counterparts. Arrays have `map`,
 * `filter` and `flatMap`; dicts and sets are built from an array of entries or values; a generator
 * expression becomes a generator pipeline (or, on Node 22+, the built-in iterator helpers).
 */

import { builtinIterator as builtinIteratorHelpers } from '@lab/generators/iterator-helpers';
import { filter as lazyFilter, map as lazyMap, range, sum } from '@lab/generators/lazy';

const isEven = (n: number): boolean => n % 2 === 0;

/** `[x**2 for x in xs if x % 2 == 0]` as `filter` then `map`: two passes, one intermediate array. */
export const evenSquares = (xs: readonly number[]): number[] => xs.filter(isEven).map((x) => x * x);

/** The same in one pass with `flatMap`: return `[]` to drop an element, `[value]` to keep it. */
export const evenSquaresFlatMap = (xs: readonly number[]): number[] =>
  xs.flatMap((x) => (isEven(x) ? [x * x] : []));

/** `[(x, y) for x in range(n) for y in range(n) if x != y]`: nested loops become nested `flatMap`. */
export function distinctPairs(n: number): Array<[number, number]> {
  const ns = [...range(n)];
  return ns.flatMap((x) => ns.filter((y) => y !== x).map((y): [number, number] => [x, y]));
}

/** `{w: len(w) for w in words}` as a plain object: fine for string keys you control. */
export const lengthsByWord = (words: readonly string[]): Record<string, number> =>
  Object.fromEntries(words.map((w) => [w, w.length]));

/** The same as a `Map`: any key type, insertion order kept, no clash with `__proto__` or `constructor`. */
export const lengthsByWordMap = (words: readonly string[]): Map<string, number> =>
  new Map(words.map((w) => [w, w.length]));

/** `{s.lower() for s in names}` */
export const lowercased = (names: readonly string[]): Set<string> =>
  new Set(names.map((s) => s.toLowerCase()));

/** `sum(x**2 for x in range(n))`: lazy, never builds the n squares. */
export const sumOfSquaresLazy = (n: number): number => sum(lazyMap(range(n), (x) => x * x));

/** `sum(x**2 for x in range(n) if x % 2 == 0)` with the built-in iterator helpers when this Node has them. */
export function sumOfEvenSquares(n: number): { total: number; used: 'built-in' | 'lazy.ts' } {
  const builtin = builtinIteratorHelpers();
  if (builtin) {
    const total = builtin
      .from(range(n))
      .filter(isEven)
      .map((x) => x * x)
      .reduce((acc, x) => acc + x, 0);
    return { total, used: 'built-in' };
  }
  return { total: sum(lazyMap(lazyFilter(range(n), isEven), (x) => x * x)), used: 'lazy.ts' };
}
