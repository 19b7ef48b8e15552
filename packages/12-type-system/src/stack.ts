/**
 * Generics: `class Stack(Generic[T])` becomes `class Stack<T>`. The type parameter is checked at compile
 * time and erased at run time: a `Stack<number>` and a `Stack<string>` are the same class in memory.
 */
export class Stack<T> {
  readonly #items: T[] = [];

  push(item: T): this {
    this.#items.push(item);
    return this;
  }

  /** Removes and returns the top item; an empty stack throws, as Python's `list.pop()` raises IndexError. */
  pop(): T {
    if (this.#items.length === 0) throw new RangeError('pop from an empty stack');
    return this.#items.pop() as T;
  }

  /** The top item without removing it, or `undefined` when empty (the type says so). */
  peek(): T | undefined {
    return this.#items.at(-1);
  }

  get size(): number {
    return this.#items.length;
  }

  /** Items from top to bottom. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = this.#items.length - 1; i >= 0; i--) yield this.#items[i] as T;
  }
}

/**
 * A constrained type parameter (`TypeVar('T', bound=Sized)`): any `T` with a numeric `length`, and the
 * result keeps the caller's own type rather than widening to the constraint.
 */
export function longest<T extends { readonly length: number }>(items: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || item.length > best.length) best = item;
  return best;
}

/** Two type parameters, both inferred from the call: `groupBy(users, (u) => u.role)` is `Map<Role, User[]>`. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
