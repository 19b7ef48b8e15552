import { unstorableText } from '@lab/common/text';
import { z } from 'zod';

/**
 * The wire shapes of each version, in zod: they validate requests and generate the JSON Schemas the OpenAPI
 * documents publish and the compatibility checker compares. Responses are loose objects on purpose
 * (`additionalProperties` open): the contract lets a server add fields, so a client must ignore them.
 */

const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    // PostgreSQL and most downstream systems refuse NUL and unpaired surrogates; refuse them at the edge.
    .refine((s) => unstorableText(s) === undefined, 'must not contain NUL or unpaired surrogates');

const email = z.email().max(254);

export const V1CreateUser = z.strictObject({ name: text(200), email });
export const V1User = z.looseObject({ id: z.number().int().positive(), name: z.string(), email: z.string() });

export const V2Name = z.strictObject({ first: text(100), last: text(100) });
export const V2CreateUser = z.strictObject({ name: V2Name, email });
export const V2User = z.looseObject({
  id: z.number().int().positive(),
  name: z.looseObject({ first: z.string(), last: z.string() }),
  email: z.string(),
  createdAt: z.iso.datetime(),
  links: z.looseObject({ self: z.string() }),
});

export type V1CreateUser = z.infer<typeof V1CreateUser>;
export type V1User = z.infer<typeof V1User>;
export type V2CreateUser = z.infer<typeof V2CreateUser>;
export type V2User = z.infer<typeof V2User>;

export type JsonSchema = Record<string, unknown>;

/** The JSON Schema (2020-12, as OpenAPI 3.1 uses it) of a zod schema, without the `$schema` line. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io }) as JsonSchema;
  return rest;
}
