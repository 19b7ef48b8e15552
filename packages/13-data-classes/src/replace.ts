/**
 * Copy-with-changes for plain frozen records: `dataclasses.replace` for data without a class. A class with
 * invariants should offer its own `with()` that goes through its constructor (see Point.with), because
 * this generic version cannot run anybody's checks.
 */

/** A new frozen record: `base` with `changes` applied. Keys not in `T` are refused by the compiler. */
export function replace<T extends object>(base: T, changes: Partial<T>): Readonly<T> {
  return Object.freeze({ ...base, ...changes });
}

/**
 * The same for class instances: keeps the prototype (methods, instanceof) and does not call the
 * constructor. Fast, and the reason it is dangerous: a value the constructor would refuse goes through.
 */
export function replaceInstance<T extends object>(base: T, changes: Partial<T>): T {
  const copy = Object.create(Object.getPrototypeOf(base) as object | null) as T;
  Object.assign(copy, base, changes);
  return Object.isFrozen(base) ? Object.freeze(copy) : copy;
}
