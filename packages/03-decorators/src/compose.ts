import type { AnyFunction } from './keep-identity.ts';

/**
 * Decorators only apply to classes and their members: the proposal left out function declarations because
 * they are hoisted, so a decorator would have to run before the code that defines it. A free function is
 * decorated the way Python does it without `@` syntax: `f = wrapper(f)`. `decorate(fn, a, b, c)` is
 * `a(b(c(fn)))`, the same order as `@a @b @c` stacked above a method.
 */
export function decorate<F extends AnyFunction>(fn: F, ...wrappers: ReadonlyArray<(inner: F) => F>): F {
  return wrappers.reduceRight((inner, wrap) => wrap(inner), fn);
}
