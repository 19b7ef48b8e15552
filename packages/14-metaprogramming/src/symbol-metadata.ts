/**
 * `Symbol.metadata` for Node releases that lack it (Node 20 does; import this module before any class that
 * uses decorator metadata is *defined*, since metadata is created while the class is being defined).
 *
 * Why it matters which compiler runs: TypeScript's output creates `context.metadata` only
 * `if (typeof Symbol === "function" && Symbol.metadata)`, so without the symbol every decorator receives
 * `context.metadata === undefined` and nothing is stored. esbuild (tsx) falls back to
 * `Symbol.for("Symbol.metadata")` and always stores it. Defining the symbol as that same registered symbol
 * makes the two agree even if some class was defined before this module ran. TypeScript's release notes
 * suggest `Symbol("Symbol.metadata")`, which works too as long as it runs before every decorated class.
 */
const holder = Symbol as unknown as { metadata?: symbol };

/**
 * Defines `Symbol.metadata` when the runtime lacks it and returns the symbol in use. A runtime that ships its
 * own keeps it: `??=` never replaces an existing value (and a built-in one is read-only anyway).
 */
export function ensureSymbolMetadata(target: { metadata?: symbol } = holder): symbol {
  target.metadata ??= Symbol.for('Symbol.metadata');
  return target.metadata;
}

/** The key under which a decorated class keeps its metadata object. */
export const metadataKey: symbol = ensureSymbolMetadata();

/** The metadata object decorators wrote for `cls`; it inherits (through its prototype) from the parent's. */
export function metadataOf(
  cls: abstract new (...args: never[]) => unknown,
): DecoratorMetadataObject | undefined {
  return (cls as unknown as Record<symbol, DecoratorMetadataObject | undefined>)[metadataKey];
}
