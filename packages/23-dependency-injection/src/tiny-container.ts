export type Lifetime = 'singleton' | 'scoped' | 'transient';

interface Registration {
  lifetime: Lifetime;
  factory: (container: never) => unknown;
}

interface Shared {
  registrations: Map<PropertyKey, Registration>;
  singletons: Map<PropertyKey, unknown>;
  root: TinyContainer<object> | undefined;
}

/**
 * A container in about forty lines, typed: `register` returns the container with one more key in its type,
 * so `resolve('typo')` is a compile error and a factory sees only what was registered before it (a cycle
 * cannot even be written). Singletons live in the root and are built from the root, so a singleton that asks
 * for a scoped value fails loudly instead of keeping the first request's value forever.
 */
export class TinyContainer<R extends object = object> {
  readonly #shared: Shared;
  readonly #scoped = new Map<PropertyKey, unknown>();

  constructor(shared?: Shared, values: object = {}) {
    this.#shared = shared ?? { registrations: new Map(), singletons: new Map(), root: undefined };
    this.#shared.root ??= this;
    for (const [key, value] of Object.entries(values)) this.#scoped.set(key, value);
  }

  register<K extends string, T>(
    key: K extends keyof R ? never : K,
    lifetime: Lifetime,
    factory: (container: TinyContainer<R>) => T,
  ): TinyContainer<R & Record<K, T>> {
    this.#shared.registrations.set(key, { lifetime, factory });
    return this as unknown as TinyContainer<R & Record<K, T>>;
  }

  resolve<K extends keyof R>(key: K): R[K] {
    if (this.#scoped.has(key)) return this.#scoped.get(key) as R[K];
    const registration = this.#shared.registrations.get(key);
    if (!registration) throw new Error(`nothing registered as ${String(key)}`);
    const build = registration.factory as (container: TinyContainer<R>) => R[K];
    const { singletons, root } = this.#shared;
    if (registration.lifetime === 'singleton') {
      if (!singletons.has(key)) singletons.set(key, build(root as TinyContainer<R>));
      return singletons.get(key) as R[K];
    }
    if (registration.lifetime === 'scoped' && this === root)
      throw new Error(`${String(key)} is scoped: resolve it from createScope(), not from the root`);
    const value = build(this);
    if (registration.lifetime === 'scoped') this.#scoped.set(key, value);
    return value;
  }

  /** A child for one request: the same registrations and singletons, its own scoped values, seeded with `values`. */
  createScope(values: Partial<R> = {}): TinyContainer<R> {
    return new TinyContainer<R>(this.#shared, values);
  }
}
