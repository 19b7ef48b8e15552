/**
 * The TypeScript counterpart of Python's `functools.wraps`: a wrapper takes over the wrapped function's
 * `name` and `length`, and remembers what it wraps so `unwrap()` can get back to it (`__wrapped__`).
 */

/** Any function, whatever its parameters: `never[]` accepts every parameter list without `any`. */
export type AnyFunction = (...args: never[]) => unknown;

const wrappedBy = new WeakMap<AnyFunction, AnyFunction>();

/**
 * Gives `wrapper` the `name` and `length` of `original` and records the link for `unwrap`.
 *
 * Why it matters: V8 prints the `name` property in stack traces ("at fetchUser" rather than "at wrapper"),
 * loggers and metrics label by it, and some libraries dispatch on `length` (Express treats a middleware with
 * four parameters as an error handler; a `(...args)` wrapper has length 0 and silently changes its role).
 */
export function keepIdentity<W extends AnyFunction>(
  wrapper: W,
  original: AnyFunction,
  name = original.name,
): W {
  // Both properties are non-writable but configurable, so they can be redefined, not assigned.
  Object.defineProperty(wrapper, 'name', { value: name, configurable: true });
  Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
  wrappedBy.set(wrapper, original);
  return wrapper;
}

/** Follows the chain of `keepIdentity` wrappers down to the original function (Python's `inspect.unwrap`). */
export function unwrap(fn: AnyFunction): AnyFunction {
  let current = fn;
  for (let next = wrappedBy.get(current); next; next = wrappedBy.get(current)) current = next;
  return current;
}

/** How a method decorator names its wrapper: symbols print as `[description]`, private names keep the `#`. */
export function memberName(context: { name: string | symbol }): string {
  return typeof context.name === 'symbol' ? `[${context.name.description ?? ''}]` : context.name;
}

/**
 * Refuses a decorator applied to the wrong kind of class element. TypeScript already rejects it at compile
 * time; this is for plain-JavaScript callers, who would otherwise get a confusing failure much later.
 */
export function expectMethod(decorator: string, context: { kind: string }): void {
  if (context.kind !== 'method') throw new TypeError(`@${decorator} decorates methods, not ${context.kind}s`);
}
