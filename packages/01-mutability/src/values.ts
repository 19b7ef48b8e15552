/**
 * The seven primitive types: never changed in place, and compared by value — except symbols, each of which is
 * unique (`Symbol('a') !== Symbol('a')`), so a symbol has identity even though it is a primitive.
 */
export type Primitive = string | number | bigint | boolean | symbol | null | undefined;

/**
 * True for the primitives. Everything else (plain objects, arrays, functions, Maps, Dates...) is an object:
 * it has an identity, `===` compares that identity, and every name bound to it sees the same changes.
 */
export function isPrimitive(value: unknown): value is Primitive {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/** What a learner asks of a value: its `typeof`, whether it is a primitive, and whether it can change. */
export interface ValueKind {
  typeof: string;
  primitive: boolean;
  /** False for primitives and for frozen objects (whose own properties are fixed; nested ones may not be). */
  extensibleOrWritable: boolean;
}

/** Classifies a value the way the walkthrough's first table does. */
export function kindOf(value: unknown): ValueKind {
  const primitive = isPrimitive(value);
  return {
    typeof: value === null ? 'null' : typeof value,
    primitive,
    extensibleOrWritable: !primitive && !Object.isFrozen(value),
  };
}
