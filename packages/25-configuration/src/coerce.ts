import { z } from 'zod';

/**
 * The words an operator may write for a flag. Anything else is an error — not `true`, which is what
 * `Boolean('false')` and `z.coerce.boolean()` answer for every non-empty string.
 */
const TRUE_WORDS = ['true', '1', 'yes', 'on'] as const;
const FALSE_WORDS = ['false', '0', 'no', 'off'] as const;

/** A flag from an environment string: true/1/yes/on or false/0/no/off, any case, nothing else. */
export function envBoolean() {
  const words = [...TRUE_WORDS, ...FALSE_WORDS] as const;
  return z
    .string()
    .transform((raw) => raw.trim().toLowerCase())
    .pipe(z.enum(words, { error: `expected one of ${words.join('/')}` }))
    .transform((word) => (TRUE_WORDS as readonly string[]).includes(word));
}

export interface IntOptions {
  min?: number;
  max?: number;
}

/**
 * A whole number written in decimal digits. `z.coerce.number()` is `Number(raw)`, which accepts '' and ' '
 * (as 0), '0x1F', '1e3', 'Infinity' and '3.5': a typo becomes a number nobody wrote.
 */
export function envInt({ min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER }: IntOptions = {}) {
  const range = `an integer from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\s*-?\d+\s*$/, { error: `expected ${range}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `expected ${range}` })
        .max(max, { error: `expected ${range}` }),
    );
}

/** A TCP port: an integer 1-65535. */
export const envPort = () => envInt({ min: 1, max: 65_535 });

/** A comma-separated list; blanks around items are dropped, and so are empty items ('a,,b'). */
export function envList() {
  return z.string().transform((raw) =>
    raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );
}
