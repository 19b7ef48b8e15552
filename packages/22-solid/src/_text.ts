// A high surrogate not followed by a low one, or a low one not preceded by a high one. (String#isWellFormed
// does this natively from Node 20, but the repo's TypeScript lib is ES2023, which does not declare it.)
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The one rule every text field at this topic's boundaries follows: a well-formed string (no lone
 * surrogates, which UTF-8 cannot encode and would turn into U+FFFD), no NUL (PostgreSQL text refuses it,
 * SQLSTATE 22021), and a bounded length. Returns what is wrong, or undefined.
 */
export function textProblem(value: string, maxLength: number): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  if (value.includes('\u0000')) return 'must not contain NUL';
  if (LONE_SURROGATE.test(value)) return 'must not contain lone surrogates';
  return undefined;
}
