/**
 * A plugin registry filled by a class decorator: the job a metaclass `__new__` (or `__init_subclass__`) does
 * for Django models or plugin systems. The decorator runs once, when the class is defined, so importing a
 * plugin's module is what registers it.
 */

/** A constructor that builds a `T` from `Args`. */
export type Ctor<T, Args extends unknown[] = []> = new (...args: Args) => T;

export class DuplicatePluginError extends Error {
  override name = 'DuplicatePluginError';
}

export class UnknownPluginError extends Error {
  override name = 'UnknownPluginError';
}

export interface Registry<T, Args extends unknown[]> {
  /** Class decorator: `@plugins.register('csv') class CsvExporter …`. A name used twice fails at definition. */
  register(name: string): <C extends Ctor<T, Args>>(cls: C, context: ClassDecoratorContext<C>) => void;
  /** Registered names, in registration (= definition, = import) order. */
  names(): string[];
  /** The class registered under `name`; the error lists the names that exist. */
  get(name: string): Ctor<T, Args>;
  /** `new (get(name))(...args)`. */
  create(name: string, ...args: Args): T;
}

const NAME = /^[a-z][a-z0-9-]*$/;

/** A registry of classes building `T`; `kind` names the registry in error messages ("exporter"). */
export function createRegistry<T, Args extends unknown[] = []>(kind: string): Registry<T, Args> {
  const classes = new Map<string, Ctor<T, Args>>();
  const get = (name: string): Ctor<T, Args> => {
    const cls = classes.get(name);
    if (!cls)
      throw new UnknownPluginError(
        `no ${kind} named "${name}"; registered: ${[...classes.keys()].join(', ') || '(none)'}`,
      );
    return cls;
  };
  return {
    register(name) {
      // Checked when the decorator expression is evaluated: before the class body's members are decorated.
      if (!NAME.test(name)) throw new TypeError(`${kind} name "${name}" must be kebab-case (a-z, 0-9, -)`);
      return (cls, context) => {
        if (context.kind !== 'class')
          throw new TypeError(`@register decorates classes, not ${String(context.kind)}s`);
        const existing = classes.get(name);
        if (existing)
          throw new DuplicatePluginError(
            `${kind} "${name}" is already registered by ${existing.name}; ${String(context.name)} cannot take it`,
          );
        classes.set(name, cls);
      };
    },
    names: () => [...classes.keys()],
    get,
    create: (name, ...args) => new (get(name))(...args),
  };
}
