/** A class (constructor) of any shape; `never[]` parameters accept every constructor without `any`. */
export type AnyClass = new (...args: never[]) => object;

/**
 * Class decorator that returns a replacement: a subclass whose constructor freezes each new instance, the
 * TypeScript cousin of `@dataclass(frozen=True)`. Only instances created by exactly this class are frozen;
 * a subclass of it still has to define its own fields after `super()` returns.
 */
export function frozen<C extends AnyClass>(value: C, context: ClassDecoratorContext<C>): C {
  if (context.kind !== 'class')
    throw new TypeError(`@frozen decorates classes, not ${String(context.kind)}s`);
  const Base = value as unknown as new (...args: unknown[]) => object;
  class Frozen extends Base {
    constructor(...args: unknown[]) {
      super(...args);
      if (new.target === Frozen) Object.freeze(this);
    }
  }
  // The replacement would otherwise be "Frozen" in `constructor.name`, logs and stack traces. (V8 still
  // says `#<Frozen>` in a few of its own messages: those use the name the class was born with.)
  Object.defineProperty(Frozen, 'name', { value: value.name, configurable: true });
  return Frozen as unknown as C;
}
