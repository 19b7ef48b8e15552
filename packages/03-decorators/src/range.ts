import { memberName } from './keep-identity.ts';

/**
 * Accessor decorator for `accessor` fields: `@range(0, 100) accessor volume = 50`. The initial value and
 * every later assignment are checked; an out-of-range value throws a RangeError and is not stored. It
 * returns `init` (runs on the initial value) and `set`; the untouched `get` stays the default one.
 */
export function range(min: number, max: number) {
  if (!(min <= max)) throw new RangeError(`@range: min (${min}) must be <= max (${max})`);
  return <This>(
    target: ClassAccessorDecoratorTarget<This, number>,
    context: ClassAccessorDecoratorContext<This, number>,
  ): ClassAccessorDecoratorResult<This, number> => {
    if (context.kind !== 'accessor')
      throw new TypeError(`@range decorates accessor fields, not ${String(context.kind)}s`);
    const field = memberName(context);
    const check = (value: number): number => {
      if (typeof value !== 'number' || !(value >= min && value <= max))
        throw new RangeError(`${field} must be a number in [${min}, ${max}], got ${String(value)}`);
      return value;
    };
    return {
      init: check,
      set(value) {
        target.set.call(this, check(value));
      },
    };
  };
}
