/**
 * Forwarding every argument, the `def wrapper(*args, **kwargs): return fn(*args, **kwargs)` of TypeScript.
 * One rest parameter carries both: "keyword arguments" are just an object among the positional ones.
 */

/** Any function; `never[]` parameters accept every parameter list without `any`. */
export type AnyFunction = (...args: never[]) => unknown;

/**
 * Wraps `fn`, calling `before` with the arguments first. The generic form keeps the parameter names,
 * optionality and return type of a non-overloaded function exactly.
 */
export function forward<A extends unknown[], R>(
  fn: (...args: A) => R,
  before: (args: A) => void,
): (...args: A) => R {
  return (...args: A): R => {
    before(args);
    return fn(...args);
  };
}

/**
 * The same wrapper written with the utility types `Parameters<F>` and `ReturnType<F>`. Fine for one
 * signature; for an overloaded function both types describe only its *last* overload, so the wrapper
 * silently loses the others (see the type tests).
 */
export function forwardByUtilityTypes<F extends (...args: never[]) => unknown>(
  fn: F,
  before: (args: Parameters<F>) => void,
): (...args: Parameters<F>) => ReturnType<F> {
  return (...args: Parameters<F>): ReturnType<F> => {
    before(args);
    return fn(...args) as ReturnType<F>;
  };
}

/**
 * Fixes the first arguments of `fn` (Python's `functools.partial` for positional arguments). The variadic
 * tuple types `[...Head, ...Tail]` let TypeScript split the parameter list and type what is left.
 */
export function partial<Head extends unknown[], Tail extends unknown[], R>(
  fn: (...args: [...Head, ...Tail]) => R,
  ...head: Head
): (...tail: Tail) => R {
  return (...tail: Tail): R => fn(...head, ...tail);
}

/** Concatenates two tuples, keeping each element's type and position: `[1, 'a'] + [true]` → `[number, string, boolean]`. */
export function concatTuples<A extends unknown[], B extends unknown[]>(a: [...A], b: [...B]): [...A, ...B] {
  return [...a, ...b];
}
