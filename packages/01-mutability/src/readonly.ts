import { type DeepReadonly, deepFreeze } from './freeze.ts';

/**
 * HTTP methods as a literal tuple. `as const` makes the type `readonly ['GET', ...]` and lets a union type
 * be derived from it; at run time it is an ordinary, mutable array.
 */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** True when `value` is one of `HTTP_METHODS`: the run-time check the type alone cannot do. */
export const isHttpMethod = (value: string): value is HttpMethod =>
  (HTTP_METHODS as readonly string[]).includes(value);

/**
 * Sums numbers without changing them. `readonly number[]` promises callers that this function will not
 * push, sort or assign; the compiler enforces the promise inside the function, nothing enforces it at run time.
 */
export function total(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}

/**
 * Both halves of immutability at once: the literal, readonly type `as const` would give (the `const` type
 * parameter) and a deep freeze at run time, so a write is rejected by the compiler and, if it slips past
 * through a cast or plain JavaScript, throws.
 */
export function immutable<const T>(value: T): DeepReadonly<T> {
  return deepFreeze(value);
}
