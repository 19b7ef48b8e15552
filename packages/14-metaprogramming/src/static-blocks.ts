/**
 * `static { … }` runs once, when the class is defined (with `this` = the class, though naming it reads better): the code a Python class body
 * runs at definition time. It can reach the class's private names, so it can hand them out to a trusted
 * friend. It is not inherited: a subclass runs only its own static blocks.
 */

/** Every line a static block wrote, in order. */
export const definitionLog: string[] = [];

export class Currency {
  static readonly #byCode = new Map<string, Currency>();
  /** Filled by the static block from a table, once, before anyone can use the class. */
  static readonly codes: readonly string[];

  static {
    for (const [code, digits] of [
      ['EUR', 2],
      ['JPY', 0],
      ['BHD', 3],
    ] as const)
      Currency.#byCode.set(code, new Currency(code, digits));
    (Currency as { codes: readonly string[] }).codes = [...Currency.#byCode.keys()];
    definitionLog.push(`static block of ${Currency.name}: ${Currency.codes.length} currencies`);
  }

  private constructor(
    readonly code: string,
    readonly minorDigits: number,
  ) {}

  /** The one instance per code: instances are interned, so `===` compares currencies. */
  static of(code: string): Currency {
    const found = Currency.#byCode.get(code);
    if (!found) throw new RangeError(`unknown currency ${code}; known: ${Currency.codes.join(', ')}`);
    return found;
  }
}

export class Parent {
  static {
    definitionLog.push(`static block of ${Parent.name}`);
  }

  kind(): string {
    return 'parent';
  }
}

export class Child extends Parent {
  static {
    definitionLog.push(`static block of ${Child.name}`);
  }

  override kind(): string {
    return 'child';
  }
}
