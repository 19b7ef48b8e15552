/**
 * A Map keyed by value instead of identity — what a Python dict does with `__hash__` and `__eq__`.
 * JavaScript's Map compares object keys with SameValueZero (identity), so two equal Money objects
 * would be two keys. Here `keyOf` derives a primitive that is equal for equal values.
 */
export class ValueMap<K, V> {
  private readonly entries = new Map<string | number | bigint, [K, V]>();

  constructor(private readonly keyOf: (key: K) => string | number | bigint) {}

  get size(): number {
    return this.entries.size;
  }

  set(key: K, value: V): this {
    this.entries.set(this.keyOf(key), [key, value]);
    return this;
  }

  get(key: K): V | undefined {
    return this.entries.get(this.keyOf(key))?.[1];
  }

  has(key: K): boolean {
    return this.entries.has(this.keyOf(key));
  }

  delete(key: K): boolean {
    return this.entries.delete(this.keyOf(key));
  }

  *[Symbol.iterator](): IterableIterator<[K, V]> {
    for (const entry of this.entries.values()) yield [entry[0], entry[1]];
  }
}
