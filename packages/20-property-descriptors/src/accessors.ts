/**
 * Getters and setters: Python's `@property` and `@x.setter`. The class stores one number and derives the
 * other on every read, so the two can never disagree.
 */
export class Temperature {
  /** The single source of truth; Fahrenheit is computed from it. */
  #celsius: number;

  constructor(celsius: number) {
    this.#celsius = Temperature.#checked(celsius);
  }

  get celsius(): number {
    return this.#celsius;
  }

  set celsius(value: number) {
    this.#celsius = Temperature.#checked(value);
  }

  get fahrenheit(): number {
    return (this.#celsius * 9) / 5 + 32;
  }

  set fahrenheit(value: number) {
    this.celsius = ((value - 32) * 5) / 9;
  }

  /** Read-only: a getter without a setter, so assignment throws in strict code (every module and class). */
  get kelvin(): number {
    return this.#celsius + 273.15;
  }

  static #checked(celsius: number): number {
    if (!Number.isFinite(celsius) || celsius < -273.15)
      throw new RangeError(`Temperature.celsius must be a finite number >= -273.15, got ${String(celsius)}`);
    return celsius;
  }
}

/**
 * An object literal can have accessors too; `Object.defineProperty` would be the only other way. The getter
 * runs on every read, which is why a spread or `JSON.stringify` copies the value it returns at that moment.
 */
export function counterWithAccessor(): { readonly reads: number; value: number } {
  let reads = 0;
  let stored = 0;
  return {
    get reads() {
      return reads;
    },
    get value() {
      reads++;
      return stored;
    },
    set value(next: number) {
      stored = next;
    },
  };
}
