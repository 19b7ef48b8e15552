/**
 * The seed's `SingletonMeta`, and what to use instead. A module is evaluated once per process (per URL), so a
 * `const` it exports is already a single instance: no class-level state, no hidden `getInstance()`, and a
 * test or a second tenant simply builds another with the factory.
 */

export interface Settings {
  readonly env: string;
  readonly poolSize: number;
}

/** How many Settings objects were built, by either route (for the demo and tests). */
export const built = { count: 0 };

/** The factory: explicit inputs, returns a fresh object every time. */
export function createSettings(env: Record<string, string | undefined>): Settings {
  built.count++;
  const poolSize = Number(env.POOL_SIZE ?? '10');
  if (!Number.isInteger(poolSize) || poolSize < 1)
    throw new RangeError(`POOL_SIZE must be a positive integer, got ${env.POOL_SIZE}`);
  return Object.freeze({ env: env.NODE_ENV ?? 'development', poolSize });
}

/** The module-level instance: built once, when this module is first imported. */
export const settings: Settings = createSettings(process.env);

/**
 * The singleton class, for comparison. `new.target` would be the metaclass `__call__`; here a private
 * constructor and a static accessor do it. Its flaws are the point: the first caller's arguments win for
 * everybody, and tests need `resetForTests()` to get a clean one.
 */
export class SingletonSettings {
  static #instance: SingletonSettings | undefined;

  private constructor(readonly value: Settings) {}

  static instance(env: Record<string, string | undefined> = process.env): SingletonSettings {
    SingletonSettings.#instance ??= new SingletonSettings(createSettings(env));
    return SingletonSettings.#instance;
  }

  /** The escape hatch every singleton class grows. */
  static resetForTests(): void {
    SingletonSettings.#instance = undefined;
  }
}
