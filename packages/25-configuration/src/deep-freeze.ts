import type { Secret } from './secret.ts';

/** What `deepFreeze` returns, as a type: nothing in it can be assigned, pushed to or deleted. */
export type DeepReadonly<T> =
  T extends Secret<unknown>
    ? T
    : T extends ReadonlyArray<infer U>
      ? ReadonlyArray<DeepReadonly<U>>
      : T extends object
        ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
        : T;

/**
 * Freezes `value` and everything reachable from it. `Object.freeze` alone is shallow: a frozen settings
 * object whose `allowedHosts` array can still be pushed to is not configuration, it is shared state.
 */
export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): DeepReadonly<T> {
  if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  }
  return value as DeepReadonly<T>;
}
