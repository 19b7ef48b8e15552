import { forceGc } from '@lab/common';

/**
 * Did V8 collect the objects `make` created once nothing reachable pointed at them? Uses a
 * FinalizationRegistry: its callbacks run some time after a GC, in a later task, never synchronously.
 */
export async function isCollected(make: () => object, maxRounds = 20): Promise<boolean> {
  return (await gcRoundsUntilCollected(make, maxRounds)) !== undefined;
}

/**
 * How many forced full GCs it took before the FinalizationRegistry reported the objects `make` created as
 * collected (usually 1), or `undefined` if they were still alive after `maxRounds`.
 */
export async function gcRoundsUntilCollected(
  make: () => object,
  maxRounds = 20,
): Promise<number | undefined> {
  let collected = false;
  const registry = new FinalizationRegistry<string>(() => {
    collected = true;
  });
  // Created inside a function so no local variable of ours keeps it alive.
  (() => {
    registry.register(make(), 'target');
  })();
  for (let round = 1; round <= maxRounds; round++) {
    // A WeakRef target lives at least until the current job ends, so yield before collecting.
    await new Promise((resolve) => setImmediate(resolve));
    forceGc();
    await new Promise((resolve) => setImmediate(resolve));
    if (collected) return round;
  }
  return undefined;
}

/** Two objects pointing at each other: a cycle reference counting alone could never free. */
export function makeCycle(): object {
  const a: { name: string; other?: object } = { name: 'a' };
  const b = { name: 'b', other: a };
  a.other = b;
  return a;
}

/**
 * A cache that does not keep its values alive — `weakref.WeakValueDictionary`. A value is served while
 * something else still holds it; once collected its entry is dropped by the registry.
 */
export class WeakValueCache<K, V extends object> {
  private readonly refs = new Map<K, WeakRef<V>>();
  private readonly registry = new FinalizationRegistry<K>((key) => {
    // Only remove the entry if it still holds a dead ref: the key may have been set again meanwhile.
    if (this.refs.get(key)?.deref() === undefined) this.refs.delete(key);
  });

  get(key: K): V | undefined {
    return this.refs.get(key)?.deref();
  }

  set(key: K, value: V): void {
    this.refs.set(key, new WeakRef(value));
    this.registry.register(value, key);
  }

  /** Entries whose value is still alive. */
  get liveSize(): number {
    let n = 0;
    for (const ref of this.refs.values()) if (ref.deref() !== undefined) n++;
    return n;
  }

  /** Entries not yet removed (the registry prunes dead ones some time after a GC). */
  get size(): number {
    return this.refs.size;
  }
}
