/**
 * One small hierarchy with every kind of inherited property, so the lookup rules can be shown and tested
 * against the engine on the same objects.
 */
export class Shape {
  /** A method: a writable data property on the prototype (Python: a non-data descriptor, a function). */
  describe(): string {
    return 'a shape';
  }

  /** A getter without a setter on the prototype (Python: a read-only property). */
  get sides(): number {
    return 0;
  }

  #label = 'shape';

  /** A getter and a setter on the prototype (Python: a data descriptor). */
  get label(): string {
    return this.#label;
  }

  set label(value: string) {
    this.#label = value.trim();
  }
}

// A read-only data property on the prototype: what Object.freeze(SomeClass.prototype) makes of every method.
Object.defineProperty(Shape.prototype, 'kind', {
  value: 'shape',
  writable: false,
  enumerable: false,
  configurable: true,
});

export class Square extends Shape {
  override get sides(): number {
    return 4;
  }
}

/** A fresh Square, typed loosely so tests and the demo can try any key on it. */
export const aSquare = (): Square & Record<string, unknown> =>
  new Square() as Square & Record<string, unknown>;
