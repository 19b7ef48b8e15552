/**
 * Lazy sequence helpers written as generator functions: the TypeScript counterpart of Python's generator
 * expressions and of `itertools`. Each helper pulls one value from its source only when its own consumer
 * asks for one, so a chain of them does no work until iterated and stops as soon as the consumer stops.
 * Iterator helpers (`Iterator.prototype.map` …) do the same natively, but only from Node 22.
 */

/** 0, 1, 2, … without end: only safe behind something that stops, such as `take`. */
export function* naturals(start = 0): Generator<number, never, undefined> {
  for (let n = start; ; n++) yield n;
}

/** 0 … n-1, like Python's `range(n)`, without building an array. */
export function* range(n: number): Generator<number, void, undefined> {
  assertCount(n, 'range');
  for (let i = 0; i < n; i++) yield i;
}

/** Applies `fn` to each value as it is pulled, like `(fn(x) for x in source)`. */
export function* map<T, U>(
  source: Iterable<T>,
  fn: (value: T, index: number) => U,
): Generator<U, void, undefined> {
  let index = 0;
  for (const value of source) yield fn(value, index++);
}

/** Passes on the values for which `keep` is true, like `(x for x in source if keep(x))`. */
export function filter<T, S extends T>(
  source: Iterable<T>,
  keep: (value: T) => value is S,
): Generator<S, void, undefined>;
export function filter<T>(source: Iterable<T>, keep: (value: T) => boolean): Generator<T, void, undefined>;
export function* filter<T>(source: Iterable<T>, keep: (value: T) => boolean): Generator<T, void, undefined> {
  for (const value of source) if (keep(value)) yield value;
}

/**
 * The first `count` values, then stops, like `itertools.islice(source, count)`. Leaving the `for…of` early
 * calls `return()` on the source, so its `finally` blocks run.
 */
export function* take<T>(source: Iterable<T>, count: number): Generator<T, void, undefined> {
  assertCount(count, 'take');
  if (count === 0) return;
  let taken = 0;
  for (const value of source) {
    yield value;
    // Stop before pulling one more value than asked for: that pull could run unbounded work.
    if (++taken >= count) return;
  }
}

/** Sums a sequence of numbers while holding only the running total, like `sum(gen)`. */
export function sum(source: Iterable<number>): number {
  let total = 0;
  for (const value of source) total += value;
  return total;
}

function assertCount(n: number, where: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${where}: count must be a non-negative integer, got ${String(n)}`);
  }
}
