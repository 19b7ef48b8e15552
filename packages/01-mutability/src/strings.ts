/**
 * A new string with the character at `index` replaced. Strings are primitives: there is no in-place edit,
 * only a new value built from the old one.
 */
export function replaceCharAt(text: string, index: number, char: string): string {
  if (!Number.isInteger(index) || index < 0 || index >= text.length)
    throw new RangeError(`index ${index} is outside the string (length ${text.length})`);
  if (char.length !== 1) throw new RangeError(`expected one UTF-16 code unit, got ${JSON.stringify(char)}`);
  return text.slice(0, index) + char + text.slice(index + 1);
}

/** The outcome of trying to write into a string by index. */
export interface IndexWriteAttempt {
  /** The error strict mode raised, if any (ES modules are always strict). */
  error: TypeError | undefined;
  /** The string afterwards: always unchanged. */
  after: string;
}

/**
 * Tries `text[index] = char` the way a Python habit (`s[0] = 'J'`) would. In an ES module (strict mode) the
 * write throws a TypeError; in sloppy-mode scripts it is silently dropped. Either way the string is unchanged.
 */
export function attemptIndexWrite(text: string, index: number, char: string): IndexWriteAttempt {
  // Boxed as a record so TypeScript lets us write the assignment it would normally reject.
  const target = text as unknown as Record<number, string>;
  try {
    target[index] = char;
    return { error: undefined, after: text };
  } catch (error) {
    if (error instanceof TypeError) return { error, after: text };
    throw error;
  }
}
