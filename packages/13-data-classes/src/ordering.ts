/**
 * Ordering: `@dataclass(order=True)` compares instances as tuples of their fields. JavaScript has no
 * `__lt__` (`<` on objects compares their string forms), so ordering is a comparator passed to `sort`.
 */

export type SortKey<T> = (item: T) => number | string | bigint;

/**
 * A comparator from key functions, compared like a tuple: the first key decides unless it ties, then the
 * next. `sort` is stable (ES2019), so items equal on every key keep their input order.
 */
export function compareBy<T>(...keys: readonly SortKey<T>[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const ka = key(a);
      const kb = key(b);
      if (ka < kb) return -1;
      if (ka > kb) return 1;
    }
    return 0;
  };
}

/** Reverses a comparator (`sorted(..., reverse=True)`), keeping ties in input order. */
export const descending =
  <T>(compare: (a: T, b: T) => number) =>
  (a: T, b: T): number =>
    compare(b, a);
