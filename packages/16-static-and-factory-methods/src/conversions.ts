/**
 * The same conversion three ways, for comparing how they are called (and what they cost: nothing
 * different, once V8 has inlined them; see bench/call-kinds.bench.ts).
 */

/** A module function: the default for logic that needs no state. Import it by name; unused, a bundler drops it. */
export function celsiusToFahrenheit(celsius: number): number {
  return (celsius * 9) / 5 + 32;
}

/**
 * A static-only class, the Java habit: a namespace that is also a constructor nobody should call.
 * Kept as the counter-example the README discusses; Biome flags the shape for the same reasons.
 */
// biome-ignore lint/complexity/noStaticOnlyClass: the counter-example this topic compares with module functions
export class Conversions {
  static celsiusToFahrenheit(celsius: number): number {
    return (celsius * 9) / 5 + 32;
  }
}

/**
 * An instance method earns its place when the object carries state the method needs: here the scale's
 * factor and offset, set once and used for every conversion.
 */
export class LinearScale {
  constructor(
    readonly factor: number,
    readonly offset: number,
  ) {}

  convert(value: number): number {
    return value * this.factor + this.offset;
  }

  /** A factory for a common instance, named for what it is. */
  static celsiusToFahrenheit(): LinearScale {
    return new LinearScale(9 / 5, 32);
  }
}
