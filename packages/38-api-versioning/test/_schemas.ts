import type { Change, JsonSchema } from '../src/index.ts';

/** An object schema with these properties, these required, and any extra keywords. */
export const obj = (
  properties: Record<string, JsonSchema>,
  required: string[] = [],
  extra: JsonSchema = {},
): JsonSchema => ({
  type: 'object',
  properties,
  required,
  ...extra,
});
export const str: JsonSchema = { type: 'string' };
export const int: JsonSchema = { type: 'integer' };

/** `location kind classification` per change, for tests about which changes and how they are classed. */
export const kinds = (changes: Change[]) => changes.map((c) => `${c.location} ${c.kind} ${c.classification}`);
