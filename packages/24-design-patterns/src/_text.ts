/** Why a string from outside (a request, a CLI, a queue message) was refused. */
export type TextProblem = 'not-a-string' | 'empty' | 'too-long' | 'nul' | 'lone-surrogate';

/**
 * The one check every boundary in this topic runs on untrusted text. NUL is refused because PostgreSQL text
 * cannot store it (SQLSTATE 22021) and Redis keys with it are unreadable in every tool; a lone surrogate is
 * refused because it cannot be encoded as UTF-8 (Buffer.from turns it into U+FFFD, so two keys would
 * collide). `isWellFormed()` is false exactly when a surrogate half is unpaired.
 */
export function textProblem(value: unknown, maxLength: number): TextProblem | undefined {
  if (typeof value !== 'string') return 'not-a-string';
  if (value.length === 0) return 'empty';
  if (value.length > maxLength) return 'too-long';
  if (value.includes('\u0000')) return 'nul';
  if (!value.isWellFormed()) return 'lone-surrogate';
  return undefined;
}

/** Thrown at a boundary for input that never reaches the code behind it. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  constructor(
    readonly field: string,
    readonly problem: TextProblem | 'unknown-value' | 'out-of-range',
    detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

/** Returns `value` as a checked string or throws an `InvalidInputError` naming `field`. */
export function checkedText(field: string, value: unknown, maxLength: number): string {
  const problem = textProblem(value, maxLength);
  if (problem) throw new InvalidInputError(field, problem, describe(problem, maxLength));
  return value as string;
}

function describe(problem: TextProblem, maxLength: number): string {
  switch (problem) {
    case 'not-a-string':
      return 'must be a string';
    case 'empty':
      return 'must not be empty';
    case 'too-long':
      return `must be at most ${maxLength} characters`;
    case 'nul':
      return 'must not contain NUL (U+0000)';
    case 'lone-surrogate':
      return 'must be well-formed UTF-16 (no lone surrogate)';
  }
}
