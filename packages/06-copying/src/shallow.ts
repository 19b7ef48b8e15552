/**
 * The shallow copies: each makes a new outer object and copies its slots, so nested objects are shared
 * between the original and the copy. Python's `copy.copy`, `list(x)`, `x[:]`, `dict(x)` and `{**x}`.
 */

/** `{ ...source }`: own enumerable properties into a new plain object (a class instance loses its prototype). */
export const spreadCopy = <T extends object>(source: T): T => ({ ...source });

/**
 * `Object.assign({}, source)`: the same copy as a spread. (The two differ only when the target is not a
 * fresh `{}`: `Object.assign` assigns, so it runs the target's setters; a spread defines properties.)
 */
export const assignCopy = <T extends object>(source: T): T => Object.assign({}, source);

/** `array.slice()`: a new array with the same elements. */
export const sliceCopy = <T>(source: readonly T[]): T[] => source.slice();

/** `Array.from(iterable)`: a new array from anything iterable (arrays, Sets, Map entries, generators). */
export const arrayFromCopy = <T>(source: Iterable<T>): T[] => Array.from(source);

/** `new Map(map)`: a new Map holding the same key and value objects. */
export const mapCopy = <K, V>(source: ReadonlyMap<K, V>): Map<K, V> => new Map(source);

/**
 * A shallow copy that keeps the prototype, so methods and `instanceof` still work: what Python's
 * `copy.copy(obj)` gives a class instance by default, and what a spread does not. Private `#fields` are not
 * copied (they cannot be), so methods that use them throw on the copy.
 */
export function shallowCloneInstance<T extends object>(source: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(source)) as T, source);
}

/** The shallow copies of an array, by the name a reader would write them. */
export const SHALLOW_ARRAY_COPIES: Readonly<Record<string, <T>(source: readonly T[]) => T[]>> = {
  '[...a]': (source) => [...source],
  'a.slice()': sliceCopy,
  'Array.from(a)': arrayFromCopy,
  'a.concat()': (source) => source.concat(),
};

/** The shallow copies of a plain object, by the name a reader would write them. */
export const SHALLOW_OBJECT_COPIES: Readonly<Record<string, <T extends object>(source: T) => T>> = {
  '{ ...o }': spreadCopy,
  'Object.assign({}, o)': assignCopy,
};
