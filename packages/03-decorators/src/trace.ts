import { keepIdentity, memberName } from './keep-identity.ts';

/**
 * A method decorator factory that only records what happens to it, to show the order of the three phases
 * when decorators are stacked: the `@expressions` are evaluated top to bottom, the decorators are applied
 * bottom to top (the one nearest the method wraps it first), and at call time the outermost wrapper runs
 * first. Python has exactly the same order.
 */
export function traced(label: string, events: string[]) {
  events.push(`evaluate ${label}`);
  return <This, Args extends unknown[], R>(
    method: (this: This, ...args: Args) => R,
    context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => R>,
  ): ((this: This, ...args: Args) => R) => {
    events.push(`apply ${label} to ${memberName(context)}`);
    context.addInitializer(() => {
      events.push(`init ${label}`);
    });
    function tracing(this: This, ...args: Args): R {
      events.push(`enter ${label}`);
      try {
        return method.apply(this, args);
      } finally {
        events.push(`exit ${label}`);
      }
    }
    return keepIdentity(tracing, method, memberName(context));
  };
}

/** The class-decorator counterpart of `traced`: class decorators are applied after every member decorator. */
export function tracedClass(label: string, events: string[]) {
  events.push(`evaluate ${label}`);
  return <C extends abstract new (...args: never[]) => unknown>(
    value: C,
    context: ClassDecoratorContext<C>,
  ): void => {
    // The spec says undefined for an anonymous class; esbuild (tsx, vitest) passes '' instead.
    events.push(`apply ${label} to class ${context.name || '(anonymous)'}`);
    context.addInitializer(() => {
      events.push(`init ${label} (class defined: ${value.name})`);
    });
  };
}
