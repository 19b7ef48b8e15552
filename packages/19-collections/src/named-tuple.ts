/**
 * Named tuples. TypeScript's labelled tuple types (`readonly [x: number, y: number]`) give positions names
 * for the reader and the editor only: at run time it is a plain array, with no `.x` and no immutability.
 * `namedTuple` builds what Python's `namedtuple` builds: a frozen array that also answers by name.
 */

/** A tuple type for a point: the labels document the positions, `readonly` forbids writes at compile time. */
export type Point = readonly [x: number, y: number];

/** The type a `namedTuple(...names)` constructor returns: index access, destructuring, and a getter per name. */
export type NamedTuple<
  Names extends readonly string[],
  Values extends readonly unknown[],
> = Readonly<Values> & {
  readonly [I in keyof Names as I extends `${number}` ? Names[I] & string : never]: Values[I & keyof Values];
};

/** A constructor of named tuples with these field names, as `namedtuple('Point', ['x', 'y'])`. */
export type NamedTupleConstructor<Names extends readonly string[]> = <
  const Values extends readonly unknown[],
>(
  ...values: Values & { readonly length: Names['length'] }
) => NamedTuple<Names, Values>;

/**
 * Returns a function that builds frozen arrays with one read-only getter per name. The names are checked
 * once here (duplicates and array members such as `length` would shadow each other); the arity is checked
 * on every call, at compile time through the type and at run time for callers that bypass it.
 */
export function namedTuple<const Names extends readonly string[]>(
  ...names: Names
): NamedTupleConstructor<Names> {
  const taken = new Set<string>();
  for (const name of names) {
    if (taken.has(name)) throw new TypeError(`duplicate field name '${name}'`);
    if (name in Array.prototype || /^\d+$/.test(name))
      throw new TypeError(`'${name}' would shadow an array member or index`);
    taken.add(name);
  }
  // One prototype per tuple type holds the getters, so each instance is just the array (as namedtuple's
  // properties live on the class, not on each tuple).
  const proto = Object.create(Array.prototype) as object;
  names.forEach((name, index) => {
    Object.defineProperty(proto, name, {
      get(this: readonly unknown[]) {
        return this[index];
      },
      enumerable: false,
    });
  });
  return (<const Values extends readonly unknown[]>(...values: Values) => {
    if (values.length !== names.length)
      throw new TypeError(`expected ${names.length} values (${names.join(', ')}), got ${values.length}`);
    const tuple = Object.setPrototypeOf([...values], proto) as unknown as NamedTuple<Names, Values>;
    return Object.freeze(tuple);
  }) as NamedTupleConstructor<Names>;
}

/** Value equality for tuples, which `===` does not give (two arrays are two objects). */
export function tupleEquals(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/**
 * A string key for a tuple of primitives, so it can be a `Map` key or a `Set` member by value, which a
 * Python tuple is and a JS array is not.
 */
export function tupleKey(tuple: readonly (string | number | boolean | null)[]): string {
  return JSON.stringify(tuple);
}
