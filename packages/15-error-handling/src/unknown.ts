/**
 * `catch (error)` gives `unknown` under `strict` (useUnknownInCatchVariables): JavaScript can throw any
 * value — a string, `null`, a plain object. These turn whatever was thrown into something safe to use.
 */

/** A message for any thrown value, never throwing itself. */
export function errorMessage(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  try {
    return JSON.stringify(thrown) ?? String(thrown);
  } catch {
    // A cycle or a BigInt: JSON refuses, String() does not.
    return String(thrown);
  }
}

/** An Error for any thrown value: an Error as it is, anything else wrapped, the original kept as `cause`. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new Error(`non-Error thrown: ${errorMessage(thrown)}`, { cause: thrown });
}
