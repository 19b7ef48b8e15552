/**
 * User-defined type guards (`TypeGuard[...]`) and assertion functions. Both are promises the compiler takes
 * on trust: it checks that the function returns a boolean (or returns at all), never that the body really
 * proves what the signature says.
 */

/** Python: `def is_string_list(val: list[object]) -> TypeGuard[list[str]]` */
export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * A guard that lies: it looks at the first element only. The compiler accepts it, and every caller then
 * treats `[ 'a', 1 ]` as `string[]` — the crash happens later, where the number is used as a string.
 */
export function isStringArrayLying(value: unknown): value is string[] {
  return Array.isArray(value) && (value.length === 0 || typeof value[0] === 'string');
}

/** Joins upper-cased items; fine for a real `string[]`, a TypeError for a number the lying guard let in. */
export function shout(items: string[]): string {
  return items.map((item) => item.toUpperCase()).join(' ');
}

/**
 * An assertion function: returns normally only if the value is present, and from then on the compiler
 * treats it as non-null (Python has no counterpart; `assert x is not None` narrows in mypy the same way).
 */
export function assertDefined<T>(value: T, what: string): asserts value is NonNullable<T> {
  if (value === null || value === undefined) throw new TypeError(`${what} is required`);
}

/** `in` narrowing as a reusable guard: does an unknown value have this key? */
export function hasKey<K extends string>(value: unknown, key: K): value is Record<K, unknown> {
  return typeof value === 'object' && value !== null && key in value;
}

/** Drops `null` and `undefined`; since TypeScript 5.5 the arrow alone is inferred as a type guard too. */
export function compact<T>(items: readonly (T | null | undefined)[]): T[] {
  return items.filter((item): item is T => item !== null && item !== undefined);
}
