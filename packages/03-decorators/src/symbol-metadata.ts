/**
 * `Symbol.metadata`, where the decorator-metadata proposal stores `context.metadata` on a class. No Node
 * release defines it yet (checked at run time, so a Node that ships it keeps its own). esbuild/tsx fall back
 * to `Symbol.for('Symbol.metadata')`, but `tsc` output skips metadata entirely when the symbol is missing;
 * defining it with that same registered symbol makes both compilers agree. Import this module before any
 * class that uses metadata is defined.
 */
const holder = Symbol as unknown as { metadata?: symbol };
holder.metadata ??= Symbol.for('Symbol.metadata');

/** The key under which a decorated class keeps its metadata object. */
export const metadataKey: symbol = holder.metadata;

/** The metadata object decorators wrote for `cls` (and, through its prototype, for its parents). */
export function metadataOf(
  cls: abstract new (...args: never[]) => unknown,
): DecoratorMetadataObject | undefined {
  return (cls as unknown as Record<symbol, DecoratorMetadataObject | undefined>)[metadataKey];
}
