/**
 * Object spread merges left to right and the later value wins, like `{**a, **b}`. The twist: a key that is
 * *present* with the value `undefined` also wins. Python's `None` overwrites too, but in TypeScript an
 * optional property (`port?: number`) happily holds `undefined`, so `{ port: maybePort }` erases a default.
 */

/** The naive merge: `{ ...defaults, ...a, ...b }`. */
export function mergeSpread<T extends object>(defaults: T, ...overrides: Array<Partial<T>>): T {
  let out = { ...defaults };
  for (const override of overrides) out = { ...out, ...override };
  return out;
}

/** Copies `source` without the keys whose value is `undefined`. */
export function withoutUndefined<T extends object>(source: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(source) as Array<keyof T>) {
    if (source[key] !== undefined) out[key] = source[key];
  }
  return out;
}

/** The merge most option handling wants: later wins, but `undefined` means "not given" and keeps the default. */
export function mergeDefined<T extends object>(defaults: T, ...overrides: Array<Partial<T>>): T {
  return mergeSpread<T>(defaults, ...overrides.map((o) => withoutUndefined(o)));
}

/**
 * Where spread and `Object.assign` differ. Both copy own enumerable properties, shallowly. `Object.assign`
 * writes into its first argument and runs its setters; spread defines properties on a new plain object,
 * so a class instance spread into `{...}` loses its prototype (methods, getters, `instanceof`).
 */
export class Temperature {
  #celsius = 0;
  readonly log: string[] = [];
  get celsius(): number {
    return this.#celsius;
  }
  set celsius(value: number) {
    this.log.push(`set ${value}`);
    this.#celsius = value;
  }
  get fahrenheit(): number {
    return (this.#celsius * 9) / 5 + 32;
  }
}
