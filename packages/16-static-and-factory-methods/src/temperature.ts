/** Absolute zero in Celsius: the one rule every Temperature factory enforces through the constructor. */
const ABSOLUTE_ZERO_C = -273.15;

/**
 * Only this module holds the token, so only code here can run the constructor: `private constructor` is a
 * compile-time rule that `new (Temperature as any)(…)` walks straight past, and this is the run-time one.
 */
const CONSTRUCT = Symbol('Temperature.construct');

/**
 * A temperature with named constructors (Python's alternative constructors on `@classmethod`). The unit is
 * in the factory's name, so `Temperature.fromFahrenheit(98.6)` cannot be misread the way `new
 * Temperature(98.6)` can, and every path goes through the one validating constructor.
 */
export class Temperature {
  /** Always stored in kelvin: one representation, converted at the edges. */
  readonly kelvin: number;

  private constructor(token: typeof CONSTRUCT, kelvin: number) {
    if (token !== CONSTRUCT) throw new TypeError('use Temperature.fromCelsius/fromFahrenheit/fromKelvin');
    if (!Number.isFinite(kelvin) || kelvin < 0)
      throw new RangeError(`below absolute zero or not a number: ${round(kelvin)} K`);
    this.kelvin = kelvin;
  }

  /** Static factory: validates once, for every unit. */
  static fromKelvin(kelvin: number): Temperature {
    return new Temperature(CONSTRUCT, kelvin);
  }

  static fromCelsius(celsius: number): Temperature {
    return new Temperature(CONSTRUCT, celsius - ABSOLUTE_ZERO_C);
  }

  static fromFahrenheit(fahrenheit: number): Temperature {
    return Temperature.fromCelsius(((fahrenheit - 32) * 5) / 9);
  }

  /** Parses `"21.5C"`, `"70F"` or `"300K"`; the factory that picks a factory. */
  static parse(text: string): Temperature {
    const match = /^\s*(-?\d+(?:\.\d+)?)\s*([CFK])\s*$/i.exec(text);
    if (!match) throw new SyntaxError(`not a temperature: ${JSON.stringify(text)} (try "21.5C")`);
    const value = Number(match[1]);
    const unit = (match[2] ?? '').toUpperCase();
    if (unit === 'C') return Temperature.fromCelsius(value);
    if (unit === 'F') return Temperature.fromFahrenheit(value);
    return Temperature.fromKelvin(value);
  }

  /**
   * A static method that needs neither `this` nor an instance (Python's `@staticmethod`): it is a plain
   * function that lives on the class, so `temperatures.sort(Temperature.compare)` works detached.
   */
  static compare(a: Temperature, b: Temperature): number {
    return a.kelvin - b.kelvin;
  }

  /** Instance method: reads this instance's state. */
  toCelsius(): number {
    return round(this.kelvin + ABSOLUTE_ZERO_C);
  }

  toFahrenheit(): number {
    return round(((this.kelvin + ABSOLUTE_ZERO_C) * 9) / 5 + 32);
  }

  /** Instance method returning a new instance: the object stays immutable. */
  warmer(byKelvin: number): Temperature {
    return Temperature.fromKelvin(this.kelvin + byKelvin);
  }

  toString(): string {
    return `${this.toCelsius()}°C`;
  }
}

/** Rounds away float noise from the unit arithmetic (20 °C → 293.15 K → 20.000000000000057 °C). */
function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
