/**
 * `arguments`, the pre-2015 way to read extra arguments. It is array-like (indexes and `length`) but not an
 * array, it does not exist in arrow functions (they see the enclosing function's), and it cannot be typed.
 * Rest parameters replace it everywhere; it is here so it can be recognised in old code.
 */

/**
 * Sums every argument through `arguments`. The parameter list is empty, so TypeScript needs a separate
 * overload signature to know the function takes numbers at all: `arguments` is invisible to the types.
 */
export function legacySum(...values: number[]): number;
export function legacySum(): number {
  let total = 0;
  // biome-ignore lint/complexity/noArguments: showing the legacy object is the point of this function.
  const args = arguments;
  for (let i = 0; i < args.length; i++) total += Number(args[i]);
  return total;
}

/** What `arguments` is, seen from inside a function called with `(1, 2, 3)`. */
export function inspectArguments(..._values: unknown[]): {
  isArray: boolean;
  length: number;
  hasMap: boolean;
  arrowSeesOuter: number;
} {
  // biome-ignore lint/complexity/noArguments: showing the legacy object is the point of this function.
  const args = arguments;
  // An arrow function has no `arguments` of its own: this one reads the enclosing call's.
  const arrowLength = (): number => args.length;
  return {
    isArray: Array.isArray(args),
    length: args.length,
    hasMap: typeof (args as unknown as { map?: unknown }).map === 'function',
    arrowSeesOuter: arrowLength(),
  };
}
