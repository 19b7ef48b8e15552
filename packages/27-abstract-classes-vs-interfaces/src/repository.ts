/**
 * An abstract class: a named base that cannot be instantiated, whose abstract members every subclass must
 * implement, and which exists at run time (so `instanceof` works). The compiler enforces the first two;
 * at run time `abstract` is erased, so `Reflect.construct` or a cast builds one anyway. `Repository`
 * guards its constructor the way Python's ABCMeta does; `NaiveRepository` shows what happens without.
 */

export interface Entity {
  readonly id: string;
}

/** Thrown when no entity has the id: part of the shared behaviour the base class provides. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** TypeScript's `abstract` and nothing else: enforced by tsc, absent from the emitted JavaScript. */
export abstract class NaiveRepository<T extends Entity> {
  abstract get(id: string): T | undefined;
  abstract save(entity: T): void;

  /** Shared behaviour written once: the reason to reach for an abstract class over an interface. */
  getOrThrow(id: string): T {
    const found = this.get(id);
    if (found === undefined) throw new NotFoundError(`no entity with id ${JSON.stringify(id)}`);
    return found;
  }
}

/** The methods a concrete Repository must provide; checked when one is constructed. */
const ABSTRACT_METHODS = ['get', 'save', 'delete'] as const;

/** The same idea, guarded at run time: direct construction and missing methods both fail in `new`. */
export abstract class Repository<T extends Entity> {
  constructor() {
    // new.target is the class `new` was called on: the base itself only via Reflect.construct or a cast.
    if (new.target === Repository) throw new TypeError("Can't instantiate abstract class Repository");
    // Methods live on the prototype chain, which is in place before this constructor runs. Class fields
    // (get = () => …) are not yet assigned here, so an arrow-function field counts as missing.
    const self = this as unknown as Record<string, unknown>;
    const missing = ABSTRACT_METHODS.filter((name) => typeof self[name] !== 'function');
    if (missing.length > 0)
      throw new TypeError(
        `Can't instantiate abstract class ${new.target.name} without an implementation for ${missing.map((m) => `'${m}'`).join(', ')}`,
      );
  }

  abstract get(id: string): T | undefined;
  abstract save(entity: T): void;
  abstract delete(id: string): boolean;

  getOrThrow(id: string): T {
    const found = this.get(id);
    if (found === undefined) throw new NotFoundError(`no entity with id ${JSON.stringify(id)}`);
    return found;
  }

  /** Saves each entity in order; a template method built only from the abstract ones. */
  saveAll(entities: Iterable<T>): number {
    let count = 0;
    for (const entity of entities) {
      this.save(entity);
      count++;
    }
    return count;
  }
}

/** A concrete repository: everything above, backed by a Map. */
export class InMemoryRepository<T extends Entity> extends Repository<T> {
  readonly #items = new Map<string, T>();
  get(id: string): T | undefined {
    return this.#items.get(id);
  }
  save(entity: T): void {
    this.#items.set(entity.id, entity);
  }
  delete(id: string): boolean {
    return this.#items.delete(id);
  }
}
