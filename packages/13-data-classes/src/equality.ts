/**
 * Equality: `===` is identity for objects (Python's `is`), and JavaScript has no `__eq__` hook, so `==`,
 * `Set`, `Map` and `Array.prototype.includes` all compare objects by identity. Value equality is a method
 * (Point.equals) or a generic structural comparison like this one.
 */

/**
 * Deep structural equality for data: primitives by `Object.is`, Dates by time, arrays by element, other
 * objects by prototype and own enumerable keys. Python's generated `__eq__` also requires the same class;
 * so does this (a Point never equals a plain `{ x, y, label }`).
 */
export function valueEquals(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => valueEquals(item, other[i]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordB = b as Record<string, unknown>;
  return keysA.every(
    (key) => Object.hasOwn(recordB, key) && valueEquals((a as Record<string, unknown>)[key], recordB[key]),
  );
}

/** Keeps the first of each group of equal items, where equality is the string `keyOf` returns (a hash). */
export function uniqueBy<T>(items: Iterable<T>, keyOf: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (!seen.has(key)) seen.set(key, item);
  }
  return [...seen.values()];
}
