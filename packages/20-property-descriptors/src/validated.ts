/**
 * A reusable validated field, two ways: an `accessor` decorator (TypeScript 5 / TC39 decorators) and a
 * hand-installed accessor property — the two JavaScript counterparts of a Python descriptor class such as
 * `rating = Validated(0, 5)`.
 */

/** A check returns `undefined` when the value is fine, or what was wrong with it ("must be …"). */
export type Check<V> = (value: V) => string | undefined;

/** The error every validated field throws: names the class, the field, the rule and the rejected value. */
export class FieldValidationError extends RangeError {
  override name = 'FieldValidationError';

  constructor(
    readonly owner: string,
    readonly field: string,
    readonly rule: string,
    readonly value: unknown,
  ) {
    super(`${owner}.${field} ${rule}, got ${formatValue(value)}`);
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

function fieldName(name: string | symbol): string {
  return typeof name === 'symbol' ? `[${name.description ?? ''}]` : name;
}

/** The class name of an instance, read at the time of the write (so a subclass reports its own name). */
function ownerName(instance: unknown): string {
  const ctor = (instance as { constructor?: { name?: string } } | null)?.constructor;
  return ctor?.name || 'object';
}

/**
 * An accessor decorator from any check: `@validated(isEmail) accessor email = ''`. The initial value (`init`,
 * unless there is none) and every assignment (`set`) go through the check; a refused value throws and is not stored. Reads are
 * untouched, so `get` stays the default one that `accessor` generates.
 *
 * Python's `__set_name__` is `context.name` here, and the `_rating` storage slot Python's descriptor invents
 * is the private slot the `accessor` keyword creates: nothing to name, nothing to collide with.
 */
export function validated<V>(check: Check<V>) {
  return <This>(
    target: ClassAccessorDecoratorTarget<This, V>,
    context: ClassAccessorDecoratorContext<This, V>,
  ): ClassAccessorDecoratorResult<This, V> => {
    // TypeScript refuses other kinds at compile time; this protects plain-JavaScript callers.
    if (context.kind !== 'accessor')
      throw new TypeError(`@validated decorates accessor fields, not ${String(context.kind)}s`);
    const field = fieldName(context.name);
    const checked = (instance: This, value: V): V => {
      const problem = check(value);
      if (problem !== undefined) throw new FieldValidationError(ownerName(instance), field, problem, value);
      return value;
    };
    return {
      // A field declared without an initializer (`accessor name: string;`) starts as undefined and is
      // checked at its first assignment, normally in the constructor.
      init(value) {
        return value === undefined ? value : checked(this, value);
      },
      set(value) {
        target.set.call(this, checked(this, value));
      },
    };
  };
}

/** The rule `range` enforces, as text and as a check: a finite number with `min <= value <= max`. */
export function rangeCheck(min: number, max: number): Check<number> {
  if (!(min <= max)) throw new RangeError(`range: min (${min}) must be <= max (${max})`);
  return (value) =>
    typeof value === 'number' && value >= min && value <= max
      ? undefined
      : `must be a number from ${min} to ${max}`;
}

/**
 * `@range(0, 5) accessor rating = 3`: the seed's `Validated(min_value, max_value)` as a decorator. NaN and
 * non-numbers fail too (`NaN >= 0` is false), which a `value < min || value > max` test would let through.
 */
export const range = (min: number, max: number) => validated(rangeCheck(min, max));

/**
 * The same field without decorator syntax: installs a getter/setter pair on `proto` (the class's prototype)
 * that keeps each instance's value in a WeakMap. This is literally Python's descriptor: one object on the
 * class serving every instance. The WeakMap lets instances be collected.
 */
export function defineValidated<V>(proto: object, name: string, check: Check<V>, initial: V): void {
  const values = new WeakMap<object, V>();
  Object.defineProperty(proto, name, {
    get(this: object): V {
      return values.has(this) ? (values.get(this) as V) : initial;
    },
    set(this: object, value: V) {
      const problem = check(value);
      if (problem !== undefined) throw new FieldValidationError(ownerName(this), name, problem, value);
      values.set(this, value);
    },
    enumerable: false,
    configurable: true,
  });
}
