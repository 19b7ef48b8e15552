/**
 * Validation at the boundary: zod plays pydantic's part. A schema is a run-time value, and the static type
 * is inferred from it (`z.infer`), so the check that runs and the type the compiler trusts are one thing.
 */
import { z } from 'zod';
import { EMAIL } from './_patterns.ts';

export const ROLES = ['member', 'admin'] as const;
export const MAX_TAGS = 10;

/** A sign-up request body. Strict: an unknown key is an error, not silently carried along. */
export const SignupSchema = z.strictObject({
  name: z.string().min(1).max(100),
  age: z.number().int().min(13).max(130),
  email: z.string().regex(EMAIL, 'must be an email address'),
  role: z.enum(ROLES).default('member'),
  tags: z.array(z.string().max(30)).max(MAX_TAGS).default([]),
});

/** What a client may send: `role` and `tags` are optional here... */
export type SignupInput = z.input<typeof SignupSchema>;
/** ...and always present after parsing, because the defaults have been applied. */
export type Signup = z.output<typeof SignupSchema>;

export interface Issue {
  /** Where in the input, dotted: `tags.2`, or `(root)` for the object itself. */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Parses an untrusted value; never throws for bad input, and every issue names the field it is about. */
export function parseSignup(input: unknown): ParseResult<Signup> {
  const result = SignupSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
      message: issue.message,
    })),
  };
}

/**
 * The same rules written by hand: what zod saves you from writing (and keeping in step with the type).
 * It only answers yes or no — no defaults applied, no copy made, no list of what was wrong.
 */
export function isSignupInput(value: unknown): value is SignupInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  for (const key in v) {
    if (key !== 'name' && key !== 'age' && key !== 'email' && key !== 'role' && key !== 'tags') return false;
  }
  const { name, age, email, role, tags } = v;
  if (typeof name !== 'string' || name.length < 1 || name.length > 100) return false;
  if (typeof age !== 'number' || !Number.isInteger(age) || age < 13 || age > 130) return false;
  if (typeof email !== 'string' || !EMAIL.test(email)) return false;
  if (role !== undefined && role !== 'member' && role !== 'admin') return false;
  if (tags !== undefined) {
    if (!Array.isArray(tags) || tags.length > MAX_TAGS) return false;
    for (const tag of tags) if (typeof tag !== 'string' || tag.length > 30) return false;
  }
  return true;
}
