import { metadataOf } from './symbol-metadata.ts';

/**
 * Checks that run when a class is declared, not when it is first used: the seed's "every public method
 * needs a docstring" metaclass. JavaScript keeps no docstrings at run time, so the rule here is "every
 * public method of an endpoint is documented with @doc('…')"; the text is kept in decorator metadata.
 */

const DESCRIPTIONS = Symbol('descriptions');

type Descriptions = Record<string, string>;

/** Method decorator: records a description for the method in the class's metadata. */
export function doc(text: string) {
  if (text.trim() === '') throw new TypeError('@doc needs a non-empty description');
  return (_method: unknown, context: ClassMethodDecoratorContext): void => {
    if (context.metadata === undefined)
      throw new TypeError(
        'decorator metadata is missing: import symbol-metadata.ts before defining the class',
      );
    // Own object per class, inheriting the parent's: a subclass must not write into its parent's.
    if (!Object.hasOwn(context.metadata, DESCRIPTIONS)) {
      const inherited = (context.metadata[DESCRIPTIONS] as Descriptions | undefined) ?? null;
      context.metadata[DESCRIPTIONS] = Object.create(inherited) as Descriptions;
    }
    const own = context.metadata[DESCRIPTIONS] as Descriptions;
    own[String(context.name)] = text;
  };
}

function flatten(metadata: DecoratorMetadataObject | undefined): Record<string, string> {
  const all = metadata?.[DESCRIPTIONS] as Descriptions | undefined;
  const flat: Record<string, string> = {};
  // for…in walks the prototype chain of the descriptions, so a parent's documented methods count.
  for (const key in all) flat[key] = all[key] as string;
  return flat;
}

/** The descriptions of `cls`'s methods, its parents' included. */
export function descriptionsOf(cls: abstract new (...args: never[]) => unknown): Record<string, string> {
  return flatten(metadataOf(cls));
}

/** The public method names a class defines itself (its prototype's own functions, minus the constructor). */
export function ownPublicMethods(cls: { prototype: object }): string[] {
  return Object.getOwnPropertyNames(cls.prototype).filter((key) => {
    if (key === 'constructor' || key.startsWith('_')) return false;
    const d = Object.getOwnPropertyDescriptor(cls.prototype, key);
    return typeof d?.value === 'function';
  });
}

export class DefinitionError extends TypeError {
  override name = 'DefinitionError';
}

/**
 * Class decorator: refuses, at definition time, an endpoint class with an undocumented public method. Class
 * decorators run after every member decorator of the class, so all @doc calls have been recorded.
 */
export function endpoint<C extends abstract new (...args: never[]) => unknown>(
  cls: C,
  context: ClassDecoratorContext<C>,
): void {
  // Not metadataOf(cls): the class gets its Symbol.metadata property only after its class decorators ran.
  const described = flatten(context.metadata);
  const missing = ownPublicMethods(cls).filter((m) => !(m in described));
  if (missing.length > 0)
    throw new DefinitionError(
      `${String(context.name)}: public method${missing.length > 1 ? 's' : ''} ${missing.join(', ')} need${missing.length > 1 ? '' : 's'} @doc('…')`,
    );
}

/**
 * Class decorator factory: the class (or an ancestor) must implement every named method. The counterpart of
 * an ABC's abstract methods, checked at definition instead of at instantiation.
 */
export function implementsMethods(...names: string[]) {
  return <C extends abstract new (...args: never[]) => unknown>(
    cls: C,
    context: ClassDecoratorContext<C>,
  ): void => {
    const missing = names.filter((n) => typeof (cls.prototype as Record<string, unknown>)[n] !== 'function');
    if (missing.length > 0)
      throw new DefinitionError(`${String(context.name)} must implement ${missing.join(', ')}`);
  };
}
