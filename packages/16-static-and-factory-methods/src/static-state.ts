/**
 * Static fields are inherited through the prototype chain of the constructors (`Object.getPrototypeOf(Button)
 * === Widget`), so reading `Button.created` finds Widget's. Writing through `this` in a static method called
 * on Button creates Button's own field instead: exactly what `cls.created += 1` does in Python.
 */
export class Widget {
  static created = 0;

  /** Counts per class: the first `this.created++` on a subclass gives it its own counter, starting from the parent's value. */
  static make<W extends Widget>(this: { new (): W; created: number }): W {
    // biome-ignore lint/complexity/noThisInStatic: writing through `this` is the behaviour this class shows
    this.created++;
    return new this();
  }

  /** The class that built this instance, for printing. */
  get kind(): string {
    return this.constructor.name;
  }
}

export class Button extends Widget {}

export class Slider extends Widget {}

/**
 * Counts across the whole hierarchy: the write names the class that owns the counter, so every subclass
 * adds to one number.
 */
export class Gadget {
  static created = 0;

  static make<G extends Gadget>(this: new () => G): G {
    Gadget.created++;
    return new this();
  }

  get kind(): string {
    return this.constructor.name;
  }
}

export class Knob extends Gadget {}
