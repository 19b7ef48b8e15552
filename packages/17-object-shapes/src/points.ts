/**
 * One 2-D point stored five ways. Every layout holds the same two doubles; what differs is what V8 keeps
 * around them, which is the whole of the `__slots__` question on Node.
 */

/** A class whose constructor assigns every field, always in the same order: one hidden class for all. */
export class Point {
  x: number;
  y: number;
  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
  }
}

/** The interface every object-shaped layout satisfies. */
export interface PointLike {
  x: number;
  y: number;
}

/** An object literal: same fields in the same order, so all literals from this site share one shape too. */
export const pointLiteral = (x: number, y: number): PointLike => ({ x, y });

/** A Map per point: the closest thing to Python's per-instance `__dict__`, a real hash table each. */
export function pointMap(x: number, y: number): Map<'x' | 'y', number> {
  return new Map([
    ['x', x],
    ['y', y],
  ]);
}

/**
 * A literal pushed into dictionary mode: deleting a property that is not the last one added makes V8 drop
 * the hidden class and keep a hash table in the object, the way every plain Python object carries a dict.
 */
export function dictionaryPoint(x: number, y: number): PointLike {
  const point: PointLike & { id?: number } = { id: 0, x, y };
  delete point.id;
  return point;
}

/**
 * Struct of arrays: one Float64Array per field, a point is an index. No object per point at all, so no
 * header, no hidden-class pointer and no boxed doubles: 16 bytes a point.
 */
export class PointColumns {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  length = 0;

  constructor(readonly capacity: number) {
    this.xs = new Float64Array(capacity);
    this.ys = new Float64Array(capacity);
  }

  /** Appends a point and returns its index. */
  push(x: number, y: number): number {
    if (this.length === this.capacity) throw new RangeError(`PointColumns is full (${this.capacity} points)`);
    const i = this.length++;
    this.xs[i] = x;
    this.ys[i] = y;
    return i;
  }

  /** The point at `index` as an object (allocates: for reading a few, not for loops). */
  at(index: number): PointLike | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
    return { x: this.xs[index] as number, y: this.ys[index] as number };
  }

  /** Sum of x over every point, read straight from the column. */
  sumX(): number {
    let sum = 0;
    for (let i = 0; i < this.length; i++) sum += this.xs[i] as number;
    return sum;
  }
}

/**
 * The other half of `__slots__`: refusing attributes that were not declared. TypeScript refuses them at
 * compile time; `Object.seal` refuses them at run time too (a TypeError in strict code, which every ES
 * module is). Sealing in the constructor also blocks subclasses from adding fields, the way a subclass
 * of a slotted class must declare its own `__slots__`.
 */
export class SealedPoint {
  x: number;
  y: number;
  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
    Object.seal(this);
  }
}
