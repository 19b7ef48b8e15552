/** A comparator, as `Array.prototype.sort` and `toSorted` take: negative, zero or positive. */
export type Comparator<T> = (a: T, b: T) => number;

/** Anything with a `compareTo` — the explicit stand-in for `__lt__`/`@total_ordering`. */
export interface Comparable<T> {
  compareTo(other: T): number;
}

export const natural = <T extends Comparable<T>>(a: T, b: T): number => a.compareTo(b);

/** Orders by a derived key, like Python's `sorted(xs, key=…)`. */
export function by<T, K extends number | string | bigint>(key: (item: T) => K): Comparator<T> {
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

/** Reverses a comparator (`reverse=True`). */
export const descending =
  <T>(compare: Comparator<T>): Comparator<T> =>
  (a, b) =>
    compare(b, a);

/** Tie-breaks: the first comparator that does not say "equal" wins, like sorting by a tuple key. */
export function thenBy<T>(...comparators: Comparator<T>[]): Comparator<T> {
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}
