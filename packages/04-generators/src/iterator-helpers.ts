/**
 * ES2025 iterator helpers (`Iterator.from(x).map(f).filter(p).take(k).toArray()`) are built in from Node 22
 * (V8 12). Node 20 lacks them, so this file detects them at run time and falls back to the generator helpers
 * in `lazy.ts`. The repo's TypeScript lib stops at ES2023, hence the small hand-written type below.
 */
import { filter, map, take } from './lazy.ts';

interface HelperIterator<T> extends Iterator<T> {
  map<U>(fn: (value: T) => U): HelperIterator<U>;
  filter(keep: (value: T) => boolean): HelperIterator<T>;
  take(count: number): HelperIterator<T>;
  reduce<A>(fn: (acc: A, value: T) => A, initial: A): A;
  toArray(): T[];
}

interface IteratorConstructor {
  from<T>(source: Iterable<T>): HelperIterator<T>;
  prototype: Partial<Record<'map' | 'filter' | 'take' | 'reduce' | 'toArray', unknown>>;
}

/** The built-in `Iterator` with its ES2025 helpers (Node 22+), or `undefined` on Node 20. */
export function builtinIterator(): IteratorConstructor | undefined {
  const candidate = (globalThis as { Iterator?: IteratorConstructor }).Iterator;
  const proto = candidate?.prototype;
  const complete =
    typeof candidate?.from === 'function' &&
    typeof proto?.map === 'function' &&
    typeof proto.filter === 'function' &&
    typeof proto.take === 'function' &&
    typeof proto.reduce === 'function' &&
    typeof proto.toArray === 'function';
  return complete ? candidate : undefined;
}

/** True when this Node has the built-in iterator helpers (Node 22+). */
export function hasIteratorHelpers(): boolean {
  return builtinIterator() !== undefined;
}

/** Which implementation ran a lazy pipeline. */
export type HelperSource = 'built-in' | 'lazy.ts';

/**
 * `source → map(fn) → filter(keep) → first count values`, lazily: with the built-in helpers when this Node
 * has them, otherwise with our generators. Both pull only as many source values as the result needs.
 */
export function firstMatches<T, U>(
  source: Iterable<T>,
  fn: (value: T) => U,
  keep: (value: U) => boolean,
  count: number,
): { values: U[]; used: HelperSource } {
  const builtin = builtinIterator();
  if (builtin) {
    return { values: builtin.from(source).map(fn).filter(keep).take(count).toArray(), used: 'built-in' };
  }
  return { values: [...take(filter(map(source, fn), keep), count)], used: 'lazy.ts' };
}
