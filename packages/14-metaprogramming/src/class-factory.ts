/**
 * Classes are values made at run time, as `type(name, bases, namespace)` makes them in Python: a function
 * can return a new class, named and with methods built from data.
 */

type Method = (this: Record<string, unknown>, ...args: never[]) => unknown;

/**
 * Builds a class called `name` that extends `base` and has `methods` on its prototype (as non-enumerable
 * methods, like those a class body defines). The computed key gives the class its name without `eval`.
 */
export function makeClass<B extends new () => object>(
  name: string,
  base: B,
  methods: Record<string, Method>,
): B {
  // Typed as a plain constructor here: TypeScript would otherwise treat `class extends base` as a mixin.
  const Base: new () => object = base;
  const made = { [name]: class extends Base {} }[name] as unknown as B;
  for (const [key, fn] of Object.entries(methods))
    Object.defineProperty(made.prototype, key, {
      value: fn,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  return made;
}
