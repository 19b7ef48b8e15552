/**
 * `collections.ChainMap`: one view over several maps, searched in order, so the first layer that has a key
 * wins (command-line flags over environment over defaults; an inner scope over its parents).
 *
 * It is a live view, not a copy: a change in any layer shows through at once, which `{ ...defaults,
 * ...env, ...flags }` (a snapshot taken once) cannot do. Writes and deletes touch the first layer only.
 */
export class ChainMap<K, V> implements Iterable<[K, V]> {
  readonly layers: readonly Map<K, V>[];

  constructor(...layers: Map<K, V>[]) {
    // Python's ChainMap() starts with one empty dict, so there is always a layer to write to.
    this.layers = layers.length > 0 ? layers : [new Map()];
  }

  /** The value from the first layer that has `key`; `undefined` when none has it. */
  get(key: K): V | undefined {
    for (const layer of this.layers) if (layer.has(key)) return layer.get(key);
    return undefined;
  }

  /** Which layer (index) answers for `key`; -1 when none does. Handy for "where did this setting come from?". */
  layerOf(key: K): number {
    return this.layers.findIndex((layer) => layer.has(key));
  }

  has(key: K): boolean {
    return this.layerOf(key) !== -1;
  }

  /** Writes to the first layer only; the layers behind it are never changed through the chain. */
  set(key: K, value: V): this {
    this.#first().set(key, value);
    return this;
  }

  /**
   * Deletes from the first layer only, so a key also present further back is still visible afterwards
   * (Python raises KeyError when the first layer lacks it; this returns false).
   */
  delete(key: K): boolean {
    return this.#first().delete(key);
  }

  /** A chain with a new empty layer in front (Python's `new_child()`): a nested scope. */
  newChild(layer: Map<K, V> = new Map()): ChainMap<K, V> {
    return new ChainMap(layer, ...this.layers);
  }

  /** The chain without its first layer (Python's `parents`): the enclosing scope. */
  get parents(): ChainMap<K, V> {
    return new ChainMap(...this.layers.slice(1));
  }

  /** Distinct keys across all layers. */
  get size(): number {
    return new Set(this.layers.flatMap((layer) => [...layer.keys()])).size;
  }

  /** Each key once, with the value that wins, in the order the layers are searched. */
  *[Symbol.iterator](): IterableIterator<[K, V]> {
    const seen = new Set<K>();
    for (const layer of this.layers)
      for (const [key, value] of layer) {
        if (seen.has(key)) continue;
        seen.add(key);
        yield [key, value];
      }
  }

  /** A flat snapshot of what the chain answers now. */
  toMap(): Map<K, V> {
    return new Map(this);
  }

  #first(): Map<K, V> {
    return this.layers[0] as Map<K, V>;
  }
}
