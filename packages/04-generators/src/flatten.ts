/**
 * `yield*` hands the consumer over to another iterable until it is exhausted: Python's `yield from`. The
 * values arrive in the delegate's order, and the expression evaluates to the delegate's return value.
 */

/** A value or an arbitrarily deep array of them. */
export type Nested<T> = T | readonly Nested<T>[];

/**
 * Depth-first flattening: `[1, [2, [3, 4]], 5]` → 1, 2, 3, 4, 5. Only arrays are descended into, so
 * strings (which are iterable) stay whole.
 */
export function* flatten<T>(items: Iterable<Nested<T>>): Generator<T, void, undefined> {
  for (const item of items) {
    if (Array.isArray(item)) yield* flatten<T>(item as readonly Nested<T>[]);
    else yield item as T;
  }
}

/** One sequence after another, like `itertools.chain`. */
export function* chain<T>(...parts: Iterable<T>[]): Generator<T, void, undefined> {
  for (const part of parts) yield* part;
}

/** Passes a sequence through and, when it ends, returns how many values it passed. */
export function* counted<T>(source: Iterable<T>): Generator<T, number, undefined> {
  let n = 0;
  for (const value of source) {
    n++;
    yield value;
  }
  return n;
}

/**
 * `chain` that also reports each part's size: `yield*` is an expression whose value is what the delegate
 * returned, which a plain `for…of` over the delegate would throw away.
 */
export function* chainCounting<T>(...parts: Iterable<T>[]): Generator<T, number[], undefined> {
  const sizes: number[] = [];
  for (const part of parts) sizes.push(yield* counted(part));
  return sizes;
}
