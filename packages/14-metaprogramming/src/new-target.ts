/**
 * `new.target` is the constructor `new` was called on, even inside a parent's constructor: the hook a
 * metaclass `__call__` gives Python for "what happens when the class is called".
 */

/** An abstract base at run time too: `new Shape()` throws, `new Circle()` is fine. */
export abstract class Shape {
  /** Instances built per concrete class, counted in the base constructor through `new.target`. */
  static readonly built = new Map<string, number>();

  constructor() {
    if (new.target === Shape) throw new TypeError('Shape is abstract: construct a subclass');
    Shape.built.set(new.target.name, (Shape.built.get(new.target.name) ?? 0) + 1);
  }

  abstract area(): number;
}

export class Circle extends Shape {
  constructor(readonly radius: number) {
    super();
  }
  area(): number {
    return Math.PI * this.radius ** 2;
  }
}

export class Square extends Shape {
  constructor(readonly side: number) {
    super();
  }
  area(): number {
    return this.side ** 2;
  }
}

/**
 * A plain function that insists on `new`: `new.target` is undefined on a plain call. Classes do this by
 * themselves (calling a class without `new` is a TypeError); old constructor functions did not.
 */
export function Point(this: { x: number; y: number }, x: number, y: number): void {
  if (!new.target) throw new TypeError('Point must be called with new');
  this.x = x;
  this.y = y;
}
