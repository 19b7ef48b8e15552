/** The two kinds of property and their attributes, as `Object.getOwnPropertyDescriptor` reports them. */
export type PropertyKind = 'data' | 'accessor';

export interface DescriptorSummary {
  kind: PropertyKind;
  /** Only data properties have it; an accessor is writable exactly when it has a setter. */
  writable?: boolean;
  enumerable: boolean;
  configurable: boolean;
  hasGetter?: boolean;
  hasSetter?: boolean;
}

/** `obj`'s own property `key` described as data or accessor with its flags, or `undefined` if not own. */
export function describeOwn(obj: object, key: PropertyKey): DescriptorSummary | undefined {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  if (!d) return undefined;
  if ('value' in d || 'writable' in d)
    return {
      kind: 'data',
      writable: d.writable === true,
      enumerable: d.enumerable === true,
      configurable: d.configurable === true,
    };
  return {
    kind: 'accessor',
    enumerable: d.enumerable === true,
    configurable: d.configurable === true,
    hasGetter: d.get !== undefined,
    hasSetter: d.set !== undefined,
  };
}

/** A compact one-line form: `data w e c`, `accessor get/set - c` (a dash for each flag that is off). */
export function flagString(summary: DescriptorSummary | undefined): string {
  if (!summary) return '(not own)';
  const flag = (on: boolean | undefined, letter: string) => (on ? letter : '-');
  if (summary.kind === 'data')
    return `data ${flag(summary.writable, 'w')}${flag(summary.enumerable, 'e')}${flag(summary.configurable, 'c')}`;
  const parts = [summary.hasGetter ? 'get' : '', summary.hasSetter ? 'set' : ''].filter(Boolean).join('/');
  return `accessor(${parts}) ${flag(summary.enumerable, 'e')}${flag(summary.configurable, 'c')}`;
}

/** What the flags let code do with one property, each found by trying it on a throwaway copy. */
export interface FlagEffects {
  /** `obj[key] = …` in strict code: 'ok', 'ignored' (the value did not change) or the error's name. */
  assign: string;
  /** `delete obj[key]` in strict code. */
  delete: string;
  /** `Object.defineProperty(obj, key, { value: … })`, a redefinition. */
  redefine: string;
  /** Whether `Object.keys`, `for…in`, spread and `JSON.stringify` see it. */
  listed: boolean;
}

/**
 * Tries assignment, deletion and redefinition on a fresh object that has only `descriptor` under `key`, so
 * the answer comes from the engine, not from a table typed by hand. Module code is strict: a refused write
 * throws a TypeError instead of being ignored, as it would be in a sloppy-mode script.
 */
export function flagEffects(descriptor: PropertyDescriptor, key = 'x'): FlagEffects {
  const fresh = (): Record<string, unknown> => Object.defineProperty({}, key, descriptor);
  const attempt = (run: (o: Record<string, unknown>) => void): string => {
    const o = fresh();
    try {
      run(o);
      return 'ok';
    } catch (error) {
      return (error as Error).name;
    }
  };
  const before = fresh()[key];
  const assign = attempt((o) => {
    o[key] = 'changed';
    if (o[key] === before && before !== 'changed') throw Object.assign(new Error(), { name: 'ignored' });
  });
  return {
    assign,
    delete: attempt((o) => {
      delete o[key];
    }),
    redefine: attempt((o) => {
      Object.defineProperty(o, key, { value: 'redefined' });
    }),
    listed: Object.keys(fresh()).includes(key),
  };
}

/**
 * A constant the program can read but not change, delete or redefine. `Object.defineProperty` defaults every
 * flag it is not given to `false`, so `{ value }` alone already says exactly that.
 */
export function defineConstant<T extends object, K extends string, V>(
  target: T,
  key: K,
  value: V,
): T & { readonly [P in K]: V } {
  return Object.defineProperty(target, key, { value }) as T & { readonly [P in K]: V };
}

/**
 * A property that code uses but that listings, spreads and JSON leave out: the way to keep bookkeeping (a
 * cache, a back-reference) off the wire. It is still readable by anyone who names it.
 */
export function defineHidden<T extends object, V>(target: T, key: PropertyKey, value: V): T {
  return Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
}
