/**
 * Request and response schemas. A request schema is `strict`: a field it does not know is an error that
 * names the field, not something silently ignored (ignored would still be safe, but the client never
 * learns that `role` did nothing). A response schema is an allowlist of what may leave: every other
 * column of the row is dropped, including the ones added to the table next year.
 */
import { z } from 'zod';
import { hasBadText } from './text.ts';
import type { UserRow } from './users.ts';

/** A string PostgreSQL can store and that is real Unicode, trimmed, within bounds. */
export const safeText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !hasBadText(text), 'must not contain U+0000 or a lone surrogate')
    .transform((text) => text.trim())
    .refine((text) => text.length > 0, 'must not be blank');

export const userPatchSchema = z
  .strictObject({
    displayName: safeText(100).optional(),
    email: z.email().max(254).optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), 'send at least one field to change');

export type UserPatch = z.infer<typeof userPatchSchema>;

/** What a client may see of a user. `z.object` strips unknown keys: that is the point here. */
export const publicUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  preferences: z.record(z.string(), z.unknown()),
  joinedAt: z.string(),
});

export type PublicUser = z.infer<typeof publicUserSchema>;

/** Row → response. The row is spread in whole so that the schema, not this mapping, is the filter. */
export const toPublicUser = (row: UserRow): PublicUser =>
  publicUserSchema.parse({
    ...row,
    displayName: row.display_name,
    joinedAt: row.created_at.toISOString(),
  });

export const fetchRequestSchema = z.strictObject({ url: safeText(2_048) });

export const idSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a positive integer')
  .transform(Number)
  .refine((id) => id <= 2_147_483_647, 'must fit a 32-bit integer');

/** One entry per problem, unknown keys listed one by one so the client sees `role` named. */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        // Echo at most 64 characters of a key the client made up: a 10k-character key is not worth repeating.
        path: base ? `${base}.${key.slice(0, 64)}` : key.slice(0, 64),
        code: 'unknown_field',
        message: 'this field cannot be set here',
      }));
    return [{ path: base, code: issue.code, message: issue.message }];
  });
}
