import { inspect } from 'node:util';
import { type Currency, CurrencyMismatchError, isCurrency, minorDigits } from './currency.ts';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * An amount of money as an integer count of minor units (cents) in a `bigint`: exact for any size, and
 * no float ever touches it. The JavaScript answer to a Python class full of dunder methods: equality,
 * ordering, hashing, `repr`, `str` and arithmetic become ordinary methods plus a few well-known symbols.
 */
export class Money {
  private constructor(
    readonly minor: bigint,
    readonly currency: Currency,
  ) {}

  /** From minor units: `Money.fromMinor(1999n, 'USD')` is 19.99 USD. */
  static fromMinor(minor: bigint, currency: Currency): Money {
    return new Money(minor, currency);
  }

  /**
   * From a decimal string, exactly: `Money.of('19.99', 'USD')`. Numbers are refused on purpose: by the
   * time 0.1 is a `number` it is already 0.1000000000000000055511151231257827.
   */
  static of(amount: string, currency: string): Money {
    if (!isCurrency(currency)) throw new RangeError(`unknown currency '${currency}'`);
    const match = DECIMAL.exec(amount.trim());
    if (!match) throw new RangeError(`not a decimal amount: '${amount}'`);
    const [, sign, whole = '0', fraction = ''] = match;
    const digits = minorDigits(currency);
    if (fraction.length > digits) {
      throw new RangeError(`${currency} has ${digits} decimal places; '${amount}' has ${fraction.length}`);
    }
    const minor = BigInt(whole + fraction.padEnd(digits, '0'));
    return new Money(sign ? -minor : minor, currency);
  }

  static zero(currency: Currency): Money {
    return new Money(0n, currency);
  }

  private same(other: Money, operation: string): void {
    if (other.currency !== this.currency)
      throw new CurrencyMismatchError(this.currency, other.currency, operation);
  }

  /** `__add__` */
  plus(other: Money): Money {
    this.same(other, 'add');
    return new Money(this.minor + other.minor, this.currency);
  }

  /** `__sub__` */
  minus(other: Money): Money {
    this.same(other, 'subtract');
    return new Money(this.minor - other.minor, this.currency);
  }

  /** `__mul__` by a whole number; for rates use `allocate` or an explicit rounding step. */
  times(factor: number | bigint): Money {
    if (typeof factor === 'number' && !Number.isInteger(factor)) {
      throw new RangeError(`times() takes a whole number, not ${factor}: fractions need a rounding rule`);
    }
    return new Money(this.minor * BigInt(factor), this.currency);
  }

  /**
   * Splits by ratios without losing or inventing a cent: the remainder goes one minor unit at a time to
   * the first shares. 10.00 split three ways is 3.34 + 3.33 + 3.33.
   */
  allocate(ratios: readonly number[]): Money[] {
    if (ratios.length === 0 || ratios.some((r) => !Number.isInteger(r) || r < 0)) {
      throw new RangeError('ratios must be non-negative whole numbers');
    }
    const total = ratios.reduce((a, b) => a + b, 0);
    if (total === 0) throw new RangeError('ratios must not all be zero');
    const shares = ratios.map((r) => (this.minor * BigInt(r)) / BigInt(total));
    let remainder = this.minor - shares.reduce((a, b) => a + b, 0n);
    const step = remainder < 0n ? -1n : 1n;
    for (let i = 0; remainder !== 0n; i = (i + 1) % shares.length) {
      if (ratios[i] === 0) continue;
      shares[i] = (shares[i] ?? 0n) + step;
      remainder -= step;
    }
    return shares.map((minor) => new Money(minor, this.currency));
  }

  /** `__eq__`: same currency and amount. Different currencies are simply not equal. */
  equals(other: unknown): boolean {
    return other instanceof Money && other.currency === this.currency && other.minor === this.minor;
  }

  /** `__lt__` and friends in one: negative, zero or positive, as `Array.prototype.sort` wants. */
  compareTo(other: Money): number {
    this.same(other, 'compare');
    return this.minor < other.minor ? -1 : this.minor > other.minor ? 1 : 0;
  }

  /** `__bool__`, made explicit: a Money object is always truthy, so `if (money)` cannot mean "non-zero". */
  isZero(): boolean {
    return this.minor === 0n;
  }

  /** `__hash__`: a string equal for equal values, for Map/Set keys (see `ValueMap`). */
  key(): string {
    return `${this.currency}:${this.minor}`;
  }

  /** The amount as an exact decimal string: '-0.05'. */
  amount(): string {
    const digits = minorDigits(this.currency);
    const negative = this.minor < 0n;
    const text = (negative ? -this.minor : this.minor).toString().padStart(digits + 1, '0');
    const whole = text.slice(0, text.length - digits);
    const fraction = digits ? `.${text.slice(text.length - digits)}` : '';
    return `${negative ? '-' : ''}${whole}${fraction}`;
  }

  /** `__str__`: for people. */
  toString(): string {
    return `${this.amount()} ${this.currency}`;
  }

  /** What `JSON.stringify` writes: the amount as a string, so no JSON parser turns it into a float. */
  toJSON(): { amount: string; currency: Currency } {
    return { amount: this.amount(), currency: this.currency };
  }

  static fromJSON(value: unknown): Money {
    if (typeof value !== 'object' || value === null) throw new TypeError('Money JSON must be an object');
    const { amount, currency } = value as Record<string, unknown>;
    if (typeof amount !== 'string' || typeof currency !== 'string') {
      throw new TypeError('Money JSON needs string "amount" and "currency"');
    }
    return Money.of(amount, currency);
  }

  /**
   * The nearest JavaScript has to operator overloading is coercion, and that is a trap: `a > b` would
   * compare whatever this returned. Strings are fine (`${money}`); numbers and `+` are refused loudly.
   */
  [Symbol.toPrimitive](hint: 'string' | 'number' | 'default'): string {
    if (hint === 'string') return this.toString();
    throw new TypeError(
      `Money has no ${hint === 'number' ? 'numeric value' : 'default primitive'}: use plus(), compareTo() or equals()`,
    );
  }

  /** `Object.prototype.toString.call(money)` → `[object Money]`. */
  get [Symbol.toStringTag](): string {
    return 'Money';
  }

  /** `__repr__`: what console.log and util.inspect show; it reads as the code that rebuilds the value. */
  [inspect.custom](): string {
    return `Money.of('${this.amount()}', '${this.currency}')`;
  }
}
