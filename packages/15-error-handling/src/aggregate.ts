import { AppError, ValidationError } from './app-error.ts';

/** One rule of `validateAll`: `undefined` when the value passes, else the complaint. */
export type Rule<T> = (value: T) => string | undefined;

/**
 * Checks every rule and reports every failure at once, as an AggregateError of ValidationErrors (Python:
 * an ExceptionGroup), instead of stopping at the first: a form shows all its mistakes in one round trip.
 */
export function validateAll<T extends object>(input: T, rules: { [K in keyof T]?: Rule<T[K]> }): T {
  const errors: ValidationError[] = [];
  for (const field of Object.keys(rules) as Array<keyof T & string>) {
    const problem = rules[field]?.(input[field]);
    if (problem !== undefined)
      errors.push(new ValidationError(`${field}: ${problem}`, 'invalid_field', { details: { field } }));
  }
  if (errors.length > 0) throw new AggregateError(errors, `${errors.length} invalid field(s)`);
  return input;
}

/**
 * Runs every task and, if any failed, throws one AggregateError with all their errors, in task order,
 * after all have finished (Python's TaskGroup raising an ExceptionGroup; here nothing is cancelled).
 */
export async function runAll<T>(tasks: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(tasks.map((task) => task()));
  const errors = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  if (errors.length > 0) throw new AggregateError(errors, `${errors.length} of ${tasks.length} tasks failed`);
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/**
 * Splits an error group by a predicate, nested groups included: Python's `ExceptionGroup.split`, which
 * `except*` uses. Returns the matching leaves and the rest (each flattened; `undefined` when empty).
 */
export function splitErrors(
  error: unknown,
  matches: (leaf: unknown) => boolean,
): { matched: unknown[]; rest: unknown[] } {
  const leaves = (e: unknown): unknown[] => (e instanceof AggregateError ? e.errors.flatMap(leaves) : [e]);
  const all = leaves(error);
  return { matched: all.filter(matches), rest: all.filter((e) => !matches(e)) };
}

/** Whether `error` is an AppError with this code, or an AggregateError that contains one. */
export function hasCode(error: unknown, code: string): boolean {
  return splitErrors(error, (e) => e instanceof AppError && e.code === code).matched.length > 0;
}
