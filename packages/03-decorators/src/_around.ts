/**
 * Runs `call` and reports how it ended. A synchronous result or throw is reported at once; a promise is
 * reported when it settles, which is what "after the call" means for an async method. Without this, timing
 * an async method measures only how long it took to create the promise.
 */
export function around<R>(
  call: () => R,
  after: (outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => void,
): R {
  let result: R;
  try {
    result = call();
  } catch (error) {
    after({ ok: false, error });
    throw error;
  }
  if (result instanceof Promise) {
    return result.then(
      (value: unknown) => {
        after({ ok: true, value });
        return value;
      },
      (error: unknown) => {
        after({ ok: false, error });
        throw error;
      },
    ) as R;
  }
  after({ ok: true, value: result });
  return result;
}
