import { around } from './_around.ts';
import { expectMethod, keepIdentity, memberName } from './keep-identity.ts';

/** Where `@timed` sends each measurement. */
export type TimingReport = (entry: { name: string; ms: number; ok: boolean }) => void;

export interface TimingOptions {
  /** Monotonic milliseconds; `performance.now` by default. */
  now?: () => number;
  /** Receives every measurement; by default one console line per call. */
  report?: TimingReport;
}

const consoleReport: TimingReport = ({ name, ms, ok }) => {
  console.log(`${name} took ${ms.toFixed(3)} ms${ok ? '' : ' (threw)'}`);
};

/**
 * Wraps a function so every call reports its duration. Async results are timed until they settle, and a
 * throw is timed too (slow failures are the ones worth seeing).
 */
export function withTiming<This, Args extends unknown[], R>(
  fn: (this: This, ...args: Args) => R,
  options: TimingOptions = {},
  name = fn.name,
): (this: This, ...args: Args) => R {
  const now = options.now ?? (() => performance.now());
  const report = options.report ?? consoleReport;
  function timed(this: This, ...args: Args): R {
    const start = now();
    return around(
      () => fn.apply(this, args),
      (outcome) => report({ name, ms: now() - start, ok: outcome.ok }),
    );
  }
  return keepIdentity(timed, fn, name);
}

/** Method decorator factory: `@timed()` or `@timed({ report })`. */
export function timed(options: TimingOptions = {}) {
  return <This, Args extends unknown[], R>(
    method: (this: This, ...args: Args) => R,
    context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => R>,
  ): ((this: This, ...args: Args) => R) => {
    expectMethod('timed', context);
    return withTiming(method, options, memberName(context));
  };
}
