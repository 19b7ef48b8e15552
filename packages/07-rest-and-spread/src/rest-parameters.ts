/**
 * Rest parameters: `...values` collects the remaining arguments into a real array, the counterpart of
 * Python's `*args` (which is a tuple). Only one rest parameter, and it must come last.
 */

/** `sum(1, 2, 3)` or, with a spread call, `sum(...list)`. */
export function sum(...values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * Fills `{}` placeholders in order: `formatMessage('User {} from {}', 'Ada', 'NYC')`. Too few or too many
 * values is a bug in the caller, so it throws (Python's `str.format` raises IndexError for too few).
 */
export function formatMessage(template: string, ...values: unknown[]): string {
  const parts = template.split('{}');
  const expected = parts.length - 1;
  if (values.length !== expected)
    throw new RangeError(
      `formatMessage: "${template}" has ${expected} placeholder(s) but got ${values.length} value(s)`,
    );
  // split() always returns at least one part, so reduce can start from the first one.
  return parts.reduce((out, part, i) => `${out}${String(values[i - 1])}${part}`);
}

/**
 * A rest parameter typed as a tuple: a required string first, then any number of numbers. The type says
 * what Python can only say in a docstring: `def tag(label, *scores: int)`.
 */
export function labelled(...args: [label: string, ...scores: number[]]): string {
  const [label, ...scores] = args;
  return `${label}: ${scores.length ? scores.join(', ') : '(none)'}`;
}
