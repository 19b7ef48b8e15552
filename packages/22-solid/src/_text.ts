import { unstorableText } from '@lab/common/text';

/**
 * The one rule every text field at this topic's boundaries follows: not empty, a bounded length, and
 * nothing PostgreSQL text or UTF-8 cannot carry (the kit's `unstorableText`: NUL, lone surrogates).
 * Returns what is wrong, or undefined.
 */
export function textProblem(value: string, maxLength: number): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  return unstorableText(value);
}
