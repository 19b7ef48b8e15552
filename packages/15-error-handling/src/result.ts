/** A typed outcome instead of a throw: the failure is part of the signature, so callers must look at it. */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Turns a throwing call into a Result; `mapError` types what was thrown (it arrives as `unknown`). */
export function tryCatch<T, E>(run: () => T, mapError: (thrown: unknown) => E): Result<T, E> {
  try {
    return ok(run());
  } catch (thrown) {
    return err(mapError(thrown));
  }
}

/** Applies `f` to a success, passing a failure through untouched. */
export function map<T, U, E>(result: Result<T, E>, f: (value: T) => U): Result<U, E> {
  return result.ok ? ok(f(result.value)) : result;
}

/** Why a port string was refused: a closed set, so a `switch` over it is checked for exhaustiveness. */
export type PortProblem = { kind: 'not-a-number'; input: string } | { kind: 'out-of-range'; port: number };

/** An expected failure (user input), returned rather than thrown. */
export function parsePort(input: string): Result<number, PortProblem> {
  const trimmed = input.trim();
  if (!/^\d+$/.test(trimmed)) return err({ kind: 'not-a-number', input });
  const port = Number(trimmed);
  if (port < 1 || port > 65_535) return err({ kind: 'out-of-range', port });
  return ok(port);
}

/** The same check, throwing: the shape the bench compares against. */
export function parsePortOrThrow(input: string): number {
  const result = parsePort(input);
  if (!result.ok) throw new RangeError(describePortProblem(result.error));
  return result.value;
}

export function describePortProblem(problem: PortProblem): string {
  switch (problem.kind) {
    case 'not-a-number':
      return `'${problem.input}' is not a port number`;
    case 'out-of-range':
      return `${problem.port} is outside 1-65535`;
  }
}
