import { inspect } from 'node:util';
import type { z } from 'zod';

export const REDACTED = '[redacted]';

/**
 * A value that must never reach a log, an error message or a response by accident. The value lives in a
 * private field, so every way a logger looks at an object — String(), template literals, JSON.stringify,
 * util.inspect / console.log, Object.keys, spread, structuredClone — sees `[redacted]` or nothing.
 * Reading it takes an explicit, greppable `reveal()`.
 */
export class Secret<T = string> {
  readonly #value: T;

  constructor(value: T) {
    this.#value = value;
    Object.freeze(this);
  }

  /** The real value: call it only where the secret is used (the driver, the signer), never to log. */
  reveal(): T {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

/**
 * The definitions of schemas built by `secret()`: how the loader knows whose raw value it must not quote
 * in an error. Definitions, not schema objects, because `.meta()` and `.describe()` return a clone that
 * shares its definition.
 */
const secretDefinitions = new WeakSet<object>();

/** A setting whose value is validated by `inner`, then wrapped in a `Secret`. */
export function secret<I extends z.ZodType<unknown, string>>(
  inner: I,
): z.ZodPipe<I, z.ZodTransform<Secret<z.output<I>>, z.output<I>>> {
  const schema = inner.transform((value) => new Secret(value));
  secretDefinitions.add(schema._zod.def);
  return schema;
}

/** Wrappers whose inner schema decides what the value is (optional, default, …). */
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch']);

/** True when `schema` is, or wraps, a schema made by `secret()`. */
export function isSecretSchema(schema: z.ZodType): boolean {
  let current: z.ZodType | undefined = schema;
  while (current) {
    if (secretDefinitions.has(current._zod.def)) return true;
    const def = current._zod.def as { type: string; innerType?: z.ZodType };
    current = WRAPPERS.has(def.type) ? def.innerType : undefined;
  }
  return false;
}
