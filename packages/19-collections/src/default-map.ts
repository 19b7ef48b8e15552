/**
 * `defaultdict` for JavaScript: a `Map` whose `get` never returns `undefined`, because a missing key is
 * first filled with `factory(key)` and stored.
 *
 * Reading creates the entry, exactly as `d[k]` does on a `defaultdict`. `has` does not, and neither does
 * `peek`, which is the counterpart of `d.get(k)` (a read that must not grow the map).
 */
export class DefaultMap<K, V> extends Map<K, V> {
  readonly #factory: (key: K) => V;

  constructor(factory: (key: K) => V, entries?: Iterable<readonly [K, V]>) {
    // Map's constructor calls this.set for each entry, which needs no factory, so super() may come first.
    super(entries);
    this.#factory = factory;
  }

  /** The value for `key`, creating and storing `factory(key)` first when the key is missing. */
  override get(key: K): V {
    // has() first, not `super.get(key) ?? …`: a stored `undefined` or `0` is a value, not a miss.
    if (super.has(key)) return super.get(key) as V;
    const value = this.#factory(key);
    super.set(key, value);
    return value;
  }

  /** The value for `key`, or `undefined`, without creating an entry (Python's `d.get(k)`). */
  peek(key: K): V | undefined {
    return super.get(key);
  }

  /** Replaces the value for `key` with `update(current)`, where a missing key starts from the factory. */
  update(key: K, update: (current: V) => V): V {
    const value = update(this.get(key));
    super.set(key, value);
    return value;
  }
}

/**
 * Groups `items` by `keyOf`, keeping each group in input order and the groups in order of first appearance.
 * `Map.groupBy` does this natively from Node 21; on Node 20 it does not exist, hence this one-liner.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new DefaultMap<K, T[]>(() => []);
  for (const item of items) groups.get(keyOf(item)).push(item);
  return groups;
}
