/**
 * A string that is equal for two values exactly when they are equal by value: the missing piece for using
 * tuples and records as Map keys (a Map compares object keys by identity). Handles primitives, arrays,
 * plain objects (key order does not matter) and Dates. Numbers follow Map's own rule: `0` and `-0` are one
 * key, `NaN` is one key. Strings and numbers never collide (`"1"` vs `1`).
 *
 * Throws a TypeError naming the path for what has no value identity: functions, symbols, class instances,
 * Maps, Sets and cycles.
 */
export function canonicalKey(value: unknown): string {
  return encode(value, '$', new Set());
}

function encode(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'function':
    case 'symbol':
      throw new TypeError(`canonicalKey: ${path} is a ${typeof value}, which has no value to compare`);
  }
  if (value === null) return 'null';
  const object = value as object;
  if (ancestors.has(object))
    throw new TypeError(`canonicalKey: ${path} refers back to an enclosing value (cycle)`);
  if (object instanceof Date) return `Date(${object.getTime()})`;
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      const parts: string[] = [];
      for (let i = 0; i < object.length; i++) parts.push(encode(object[i], `${path}[${i}]`, ancestors));
      return `[${parts.join(',')}]`;
    }
    const proto = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null)
      throw new TypeError(
        `canonicalKey: ${path} is a ${object.constructor?.name ?? 'object'}; only primitives, arrays, plain objects and Dates can be keyed by value`,
      );
    const record = object as Record<string, unknown>;
    const parts = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${encode(record[key], `${path}.${key}`, ancestors)}`);
    return `{${parts.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}

/**
 * A Map whose keys compare by value: `new ValueMap([[['a', 1], 'x']]).get(['a', 1])` finds `'x'`, which a
 * plain Map never would. Each key is reduced to a string by `keyOf` (default `canonicalKey`) when it is
 * stored or looked up, so mutating a key object after `set` does not move its entry: like Python refusing a
 * list as a dict key, but silent. Keep keys immutable (or frozen).
 */
export class ValueMap<K, V> implements Iterable<[K, V]> {
  readonly #entries = new Map<string, [K, V]>();
  readonly #keyOf: (key: K) => string;

  constructor(entries?: Iterable<readonly [K, V]>, keyOf: (key: K) => string = canonicalKey) {
    this.#keyOf = keyOf;
    for (const [key, value] of entries ?? []) this.set(key, value);
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    return this.#entries.get(this.#keyOf(key))?.[1];
  }

  has(key: K): boolean {
    return this.#entries.has(this.#keyOf(key));
  }

  /** Stores `value` under `key`; a later `set` with an equal key replaces it (the first key object is kept). */
  set(key: K, value: V): this {
    const id = this.#keyOf(key);
    const existing = this.#entries.get(id);
    this.#entries.set(id, [existing ? existing[0] : key, value]);
    return this;
  }

  delete(key: K): boolean {
    return this.#entries.delete(this.#keyOf(key));
  }

  clear(): void {
    this.#entries.clear();
  }

  *keys(): IterableIterator<K> {
    for (const [key] of this.#entries.values()) yield key;
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this.#entries.values()) yield value;
  }

  *entries(): IterableIterator<[K, V]> {
    for (const [key, value] of this.#entries.values()) yield [key, value];
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }
}

/** A Set whose members compare by value (see `ValueMap`); the first of several equal members is kept. */
export class ValueSet<T> implements Iterable<T> {
  readonly #map: ValueMap<T, true>;

  constructor(items?: Iterable<T>, keyOf: (item: T) => string = canonicalKey) {
    this.#map = new ValueMap<T, true>(undefined, keyOf);
    for (const item of items ?? []) this.#map.set(item, true);
  }

  get size(): number {
    return this.#map.size;
  }

  add(item: T): this {
    this.#map.set(item, true);
    return this;
  }

  has(item: T): boolean {
    return this.#map.has(item);
  }

  delete(item: T): boolean {
    return this.#map.delete(item);
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.#map.keys();
  }
}
