import { expectMethod, memberName } from './keep-identity.ts';

/**
 * Binds a method to each instance, so `const { onClick } = button` or `setTimeout(obj.method)` keep `this`.
 * It uses `context.addInitializer`, which runs for every new instance before its fields are initialised,
 * and reads the method through `context.access` rather than taking the one it was given, so wrappers that
 * decorators stacked above `@bound` put in place are kept.
 */
export function bound<This extends object, Args extends unknown[], R>(
  _method: (this: This, ...args: Args) => R,
  context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => R>,
): void {
  expectMethod('bound', context);
  if (context.private) throw new TypeError(`@bound cannot rebind the private method ${memberName(context)}`);
  const name = context.name;
  context.addInitializer(function (this: This) {
    const current = context.access.get(this);
    Object.defineProperty(this, name, {
      value: current.bind(this),
      configurable: true,
      writable: true,
      enumerable: false,
    });
  });
}
