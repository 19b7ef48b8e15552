/**
 * Inline caches: a property read remembers the hidden classes it has seen. One shape (monomorphic) is a
 * map check and a load at a fixed offset; 2-4 shapes (polymorphic) a short list of checks; more
 * (megamorphic) falls back to a global hash lookup on every read.
 */

/** A point that may carry one extra field; the extra field's name decides its hidden class. */
export type ShapedPoint = { x: number; y: number } & Record<string, number>;

/**
 * `count` points cycling through `shapes` hidden classes: the same x and y, plus one extra field whose name
 * differs per shape (`tag0`, `tag1`, ...). With `shapes` = 1 every point has the same hidden class.
 */
export function pointsWithShapes(shapes: number, count: number): ShapedPoint[] {
  if (!Number.isInteger(shapes) || shapes < 1) throw new RangeError('shapes must be a positive integer');
  const points: ShapedPoint[] = [];
  for (let i = 0; i < count; i++) {
    const point = { x: i + 0.5, y: 1 } as ShapedPoint;
    point[`tag${i % shapes}`] = i;
    points.push(point);
  }
  return points;
}

// Three copies of one loop, on purpose: V8 keeps inline-cache feedback per function, so a single shared
// function would turn megamorphic once and stay so for every caller, and the comparison would be lost.

/** Sums `x`; meant to see one hidden class only. */
export function sumXMonomorphic(points: readonly ShapedPoint[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) sum += (points[i] as ShapedPoint).x;
  return sum;
}

/** Sums `x`; meant to see up to four hidden classes. */
export function sumXPolymorphic(points: readonly ShapedPoint[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) sum += (points[i] as ShapedPoint).x;
  return sum;
}

/** Sums `x`; meant to see many hidden classes. */
export function sumXMegamorphic(points: readonly ShapedPoint[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) sum += (points[i] as ShapedPoint).x;
  return sum;
}
