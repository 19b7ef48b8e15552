/**
 * `collections.Counter` on a `Map<T, number>`: counts of hashable things, where a missing key counts 0.
 *
 * Python's arithmetic is kept: `add`/`subtract` change counts in place and keep zero and negative counts
 * (`Counter.update`/`subtract`), while `plus`/`minus` build a new counter with only positive counts (`+`/`-`).
 * Keys are compared as a `Map` compares them (SameValueZero): two equal-looking objects are two keys.
 */
export class Counter<T> implements Iterable<[T, number]> {
  readonly #counts = new Map<T, number>();

  constructor(items?: Iterable<T>) {
    if (items) this.update(items);
  }

  /** A counter from `[item, count]` pairs (Python's `Counter({'a': 3})`). */
  static fromCounts<T>(counts: Iterable<readonly [T, number]>): Counter<T> {
    const counter = new Counter<T>();
    for (const [item, count] of counts) counter.add(item, count);
    return counter;
  }

  /** The count of `item`; 0 when it was never counted (no entry is created). */
  count(item: T): number {
    return this.#counts.get(item) ?? 0;
  }

  /** Adds `by` (default 1) to `item`'s count; a count may reach zero or go negative and is kept. */
  add(item: T, by = 1): number {
    const next = this.count(item) + by;
    this.#counts.set(item, next);
    return next;
  }

  /** Counts every item of `items` once more. */
  update(items: Iterable<T>): this {
    for (const item of items) this.add(item);
    return this;
  }

  /** Subtracts one per item, or each count of another counter; zero and negative counts stay (Python's `subtract`). */
  subtract(items: Iterable<T> | Counter<T>): this {
    if (items instanceof Counter) for (const [item, n] of items) this.add(item, -n);
    else for (const item of items) this.add(item, -1);
    return this;
  }

  /** Forgets `item` entirely (`del c[item]`); true when it had an entry. */
  delete(item: T): boolean {
    return this.#counts.delete(item);
  }

  /** Entries held, including those whose count is zero or negative. */
  get size(): number {
    return this.#counts.size;
  }

  /** The sum of all counts (Python 3.10's `total()`). */
  total(): number {
    let sum = 0;
    for (const n of this.#counts.values()) sum += n;
    return sum;
  }

  /**
   * The `n` highest counts, highest first; equal counts keep the order in which items were first counted,
   * as Python's does. Without `n`, every entry.
   */
  mostCommon(n?: number): [T, number][] {
    // Array.prototype.sort is stable (ES2019), and the Map iterates in first-insertion order.
    const sorted = [...this.#counts].sort((a, b) => b[1] - a[1]);
    return n === undefined ? sorted : sorted.slice(0, Math.max(0, n));
  }

  /** A new counter with the counts of both, keeping only positive results (Python's `c1 + c2`). */
  plus(other: Counter<T>): Counter<T> {
    const sum = Counter.fromCounts(this);
    for (const [item, n] of other) sum.add(item, n);
    return sum.positive();
  }

  /** A new counter with `other`'s counts taken away, keeping only positive results (Python's `c1 - c2`). */
  minus(other: Counter<T>): Counter<T> {
    return Counter.fromCounts(this).subtract(other).positive();
  }

  /** A new counter without the zero and negative counts (Python's unary `+c`). */
  positive(): Counter<T> {
    return Counter.fromCounts([...this.#counts].filter(([, n]) => n > 0));
  }

  /** `[item, count]` pairs in first-counted order. */
  [Symbol.iterator](): IterableIterator<[T, number]> {
    return this.#counts.entries();
  }

  /** A plain object of the counts, for JSON and printing; keys become strings, so keep it to string-like items. */
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.#counts].map(([item, n]) => [String(item), n]));
  }
}
