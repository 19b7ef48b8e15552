/**
 * The boundary: what a login or refresh body may contain, checked before anything reaches scrypt,
 * PostgreSQL or jose. PostgreSQL `text` refuses NUL (SQLSTATE 22021) and UTF-8 cannot carry a lone
 * surrogate (Buffer.from turns it into U+FFFD, so "\ud800" and "\udbff" would be one password): both are
 * refused here with a 400 instead of failing deeper as a 500.
 */
import { z } from 'zod';
import { MAX_PASSWORD_BYTES } from './password.ts';

/** RFC 5321's limit on a forward path, less the angle brackets. */
export const MAX_EMAIL_LENGTH = 254;

const hasNul = (s: string) => s.includes('\u0000');

const safeText = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .refine((s) => !hasNul(s), `${field} must not contain NUL`)
    .refine((s) => s.isWellFormed(), `${field} must be well-formed Unicode (no lone surrogates)`);

const email = safeText('email')
  // One account per address however it is typed: the lookup key is the trimmed, lower-cased form.
  .trim()
  .toLowerCase()
  .refine((s) => s.length <= MAX_EMAIL_LENGTH, `email is at most ${MAX_EMAIL_LENGTH} characters`)
  .refine((s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'email must look like name@example.com');

const password = safeText('password')
  .refine((s) => s.length > 0, 'password must not be empty')
  // Checked on characters first so a 10 MB string is refused before it is encoded.
  .refine(
    (s) => s.length <= MAX_PASSWORD_BYTES && Buffer.byteLength(s) <= MAX_PASSWORD_BYTES,
    `password is at most ${MAX_PASSWORD_BYTES} bytes of UTF-8`,
  );

/** `{ email, password }` and nothing else: an unexpected field is a client bug worth telling. */
export const loginBody = z.strictObject({ email, password });
export type LoginBody = z.infer<typeof loginBody>;

/** A JWT is three base64url segments; anything else is refused before jose parses it. */
const jwtLike = z
  .string({ error: 'refreshToken must be a string' })
  .max(4096, 'refreshToken is at most 4096 characters')
  .regex(/^[\w-]+\.[\w-]+\.[\w-]*$/, 'refreshToken must be a compact JWT');

export const refreshBody = z.strictObject({ refreshToken: jwtLike });

/** The first problem with `value` as a human sentence, or the parsed value. */
export function parseBody<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; detail: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, detail: 'the body must be a JSON object' };
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, detail: `${where}${issue?.message ?? 'invalid body'}` };
}
