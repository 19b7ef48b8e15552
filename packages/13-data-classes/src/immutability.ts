/**
 * Immutability has two layers. `readonly` is checked by the compiler and erased; `Object.freeze` is
 * enforced by the run time, but only one level deep. ES modules (and classes) run in strict mode, where a
 * write to a frozen property throws a TypeError; sloppy-mode scripts ignore it silently.
 */

/** Freezes an object and everything reachable from it (arrays, nested objects); returns it typed read-only. */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value as DeepReadonly<T>;
}

/** The compile-time half: `readonly` on every level. */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** Tries `write` and reports what happened: `'written'`, or the error's name and message. */
export function tryWrite(write: () => void): string {
  try {
    write();
    return 'written';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}
