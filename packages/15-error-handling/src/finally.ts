/**
 * What `finally` does to a function's outcome. Each function records the steps it took in `log`, so the
 * order is observable, and returns (or throws) what JavaScript decided.
 */

/** try returns, finally runs after the return value is computed, and the value stands. */
export function finallyRunsAfterReturn(log: string[]): string {
  try {
    log.push('try');
    return 'from try';
  } finally {
    log.push('finally');
  }
}

/** A `return` in `finally` replaces the value the `try` block returned. */
export function returnInFinallyOverridesReturn(): string {
  try {
    return 'from try';
  } finally {
    // biome-ignore lint/correctness/noUnsafeFinally: the point of this example is what it breaks.
    return 'from finally';
  }
}

/** A `return` in `finally` swallows the exception in flight: the caller sees a normal return. */
export function returnInFinallySwallowsError(): string {
  try {
    throw new Error('lost');
  } finally {
    // biome-ignore lint/correctness/noUnsafeFinally: the point of this example is what it breaks.
    return 'from finally';
  }
}

/** An exception thrown in `finally` replaces the one in flight, which is lost (no `cause` link). */
export function throwInFinallyReplacesError(): never {
  try {
    throw new Error('original');
  } finally {
    // biome-ignore lint/correctness/noUnsafeFinally: the point of this example is what it breaks.
    throw new Error('from cleanup');
  }
}

/**
 * Python's `try/except/else/finally` in JavaScript terms: `else` has no keyword, so the success-only code
 * goes after the try/catch, guarded by a flag, and stays outside the `catch`'s reach.
 */
export function withElse(work: () => number, log: string[]): number | undefined {
  let result: number;
  try {
    result = work();
  } catch (error) {
    log.push(`except: ${(error as Error).message}`);
    return undefined;
  } finally {
    log.push('finally');
  }
  log.push(`else: ${result}`);
  return result;
}
