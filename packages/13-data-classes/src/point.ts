/**
 * A value object written by hand: what `@dataclass(frozen=True, order=True)` generates in Python, spelled
 * out in TypeScript. Parameter properties are the `__init__`, `readonly` + `Object.freeze` the `frozen`,
 * `equals` the `__eq__`, `key` the `__hash__`, `compare` the `order=True`, `with` the `replace`.
 */
import { inspect } from 'node:util';

export class Point {
  // `readonly x: number` in the parameter list declares the field, assigns it and makes it read-only for
  // the compiler; Object.freeze makes it read-only for the run time too.
  constructor(
    readonly x: number,
    readonly y: number,
    readonly label = '',
  ) {
    if (!Number.isFinite(x) || !Number.isFinite(y))
      throw new RangeError(`Point needs finite coordinates; got (${x}, ${y})`);
    // Freeze only when this is exactly a Point: a subclass constructor still has fields to add.
    if (new.target === Point) Object.freeze(this);
  }

  /**
   * Structural equality (`__eq__`): same class and same fields. `===` on the points would compare identity;
   * on the numbers it makes 0 equal -0, as Python does, which keeps `equals` and `key` in agreement.
   */
  equals(other: unknown): boolean {
    return (
      other instanceof Point &&
      other.constructor === this.constructor &&
      other.x === this.x &&
      other.y === this.y &&
      other.label === this.label
    );
  }

  /**
   * What `__hash__` is for: a primitive that is equal exactly when the points are equal, usable as a Map or
   * Set key (which compare objects by identity).
   */
  get key(): string {
    return JSON.stringify([this.x, this.y, this.label]);
  }

  /** `dataclasses.replace`: a new Point through the constructor, so its checks run again. */
  with(changes: Partial<Pick<Point, 'x' | 'y' | 'label'>>): Point {
    return new Point(changes.x ?? this.x, changes.y ?? this.y, changes.label ?? this.label);
  }

  /** `order=True`: compare as the tuple (x, y, label), for `points.sort(Point.compare)`. */
  static compare(a: Point, b: Point): number {
    return a.x - b.x || a.y - b.y || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  }

  /** `__repr__`: what `console.log` and `util.inspect` print. */
  [inspect.custom](): string {
    return this.toString();
  }

  toString(): string {
    return `Point(x=${this.x}, y=${this.y}, label=${JSON.stringify(this.label)})`;
  }
}
