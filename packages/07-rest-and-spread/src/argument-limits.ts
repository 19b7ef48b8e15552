/**
 * A spread call puts every element on the stack as a separate argument. V8 has no fixed maximum; it fails
 * when the arguments do not fit in the stack (around 120,000 with Node's default ~1 MB stack), with
 * `RangeError: Maximum call stack size exceeded`. `Math.max(...values)` and `target.push(...source)` are
 * the usual ways production code meets it, once a list grows past a few hundred thousand items.
 */

export type SpreadOutcome = { ok: true; value: number } | { ok: false; error: RangeError };

/** Runs `Math.max(...values)` and returns the RangeError instead of throwing it. */
export function tryMaxWithSpread(values: readonly number[]): SpreadOutcome {
  try {
    return { ok: true, value: Math.max(...values) };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, error };
    throw error;
  }
}

/**
 * The fix: an indexed loop has no argument limit, allocates nothing and, once optimised, beats the spread.
 * Same results as Math.max: -Infinity for no values, NaN if any value is NaN, +0 over -0 (they compare
 * equal, so `>` alone would keep whichever zero came first). Works on typed arrays too.
 */
export function maxOf(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value > max || (value === 0 && Object.is(max, -0))) max = value;
    else if (Number.isNaN(value)) return Number.NaN; // reached only when value <= max is false too
  }
  return max;
}

/** Appends `source` to `target` in chunks small enough to spread safely; returns the new length. */
export function pushAll<T>(target: T[], source: readonly T[], chunk = 10_000): number {
  for (let i = 0; i < source.length; i += chunk) target.push(...source.slice(i, i + chunk));
  return target.length;
}

/**
 * The largest argument count `Math.max(...array)` accepts here, found by bisection (depends on the stack
 * size and on how deep the caller already is; Node's `--stack-size` changes it).
 */
export function spreadLimit(upper = 4_000_000): number {
  const values = new Array<number>(upper).fill(0);
  let ok = 0;
  let failed = upper + 1;
  while (failed - ok > 1) {
    const mid = Math.floor((ok + failed) / 2);
    if (tryMaxWithSpread(values.slice(0, mid)).ok) ok = mid;
    else failed = mid;
  }
  return ok;
}
