import { inspect } from 'node:util';
import { around } from './_around.ts';
import { expectMethod, keepIdentity, memberName } from './keep-identity.ts';

export interface LoggingOptions {
  /** Receives each line; `console.log` by default. */
  log?: (line: string) => void;
  /** How arguments and results are shown; short `util.inspect` by default. Redact secrets here. */
  show?: (value: unknown) => string;
}

const shortInspect = (value: unknown): string =>
  inspect(value, { depth: 1, breakLength: Number.POSITIVE_INFINITY, maxArrayLength: 5, maxStringLength: 60 });

/**
 * Wraps a function so each call logs `→ name(args)` on entry and `← name = result` or `✗ name threw …` when
 * it ends (when the promise settles, for an async function).
 */
export function withLogging<This, Args extends unknown[], R>(
  fn: (this: This, ...args: Args) => R,
  options: LoggingOptions = {},
  name = fn.name,
): (this: This, ...args: Args) => R {
  const log = options.log ?? ((line: string) => console.log(line));
  const show = options.show ?? shortInspect;
  function logged(this: This, ...args: Args): R {
    log(`→ ${name}(${args.map(show).join(', ')})`);
    return around(
      () => fn.apply(this, args),
      (outcome) =>
        log(
          outcome.ok
            ? `← ${name} = ${show(outcome.value)}`
            : `✗ ${name} threw ${outcome.error instanceof Error ? `${outcome.error.name}: ${outcome.error.message}` : show(outcome.error)}`,
        ),
    );
  }
  return keepIdentity(logged, fn, name);
}

/** Method decorator factory: `@logged()` or `@logged({ log })`. */
export function logged(options: LoggingOptions = {}) {
  return <This, Args extends unknown[], R>(
    method: (this: This, ...args: Args) => R,
    context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => R>,
  ): ((this: This, ...args: Args) => R) => {
    expectMethod('logged', context);
    return withLogging(method, options, memberName(context));
  };
}
