import { z } from 'zod';

/** A lone UTF-16 surrogate: valid in a JS string, not encodable as UTF-8 (a pair forms one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A string input every text field starts from: at most `max` UTF-16 units, no NUL (PostgreSQL's text type
 * refuses it with SQLSTATE 22021, so it would surface as a database error, not a validation one) and no lone
 * surrogate (it would be stored as U+FFFD: the value read back would differ from the value written).
 */
export function safeText(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL (\\u0000)')
    .refine((value) => !LONE_SURROGATE.test(value), 'must not contain a lone surrogate');
}
