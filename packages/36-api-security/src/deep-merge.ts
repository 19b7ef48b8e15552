/**
 * Merging a client's JSON into stored settings, the way a "PATCH preferences" endpoint does. JSON.parse
 * itself is safe: `{"__proto__": {...}}` becomes an own property called "__proto__". The damage comes next,
 * from code that walks that object and assigns `target[key] = …` with key "__proto__" (or goes through
 * `constructor.prototype`): that assignment reaches Object.prototype, and every object in the process
 * inherits the attacker's properties.
 */

type JsonObject = Record<string, unknown>;

const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * DELIBERATELY VULNERABLE — the textbook recursive merge (lodash.merge before 4.17.5 looked like this).
 * Kept to show the attack; never use it on input.
 */
export function naiveDeepMerge(target: JsonObject, source: JsonObject): JsonObject {
  for (const key in source) {
    const value = source[key];
    const current = target[key];
    // target["__proto__"] is Object.prototype; target["constructor"] is Object: both are "objects" to recurse into.
    if (isPlainObject(value) && (typeof current === 'object' || typeof current === 'function') && current)
      naiveDeepMerge(current as JsonObject, value);
    else target[key] = value;
  }
  return target;
}

/** Keys that lead from a plain object to a shared prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Returns a new object: `source` merged into `target`, recursing into plain objects only, reading own keys
 * only, and skipping `__proto__`, `constructor` and `prototype`. Neither input is changed.
 */
export function safeDeepMerge(target: JsonObject, source: JsonObject): JsonObject {
  const out: JsonObject = {};
  const assign = (key: string, value: unknown) => {
    // defineProperty, not `out[key] =`: it creates an own property even for a name with a setter on the prototype.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  };
  for (const key of Object.keys(target)) if (!FORBIDDEN_KEYS.has(key)) assign(key, target[key]);
  for (const key of Object.keys(source)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const value = source[key];
    const current = Object.hasOwn(out, key) ? out[key] : undefined;
    assign(key, isPlainObject(value) && isPlainObject(current) ? safeDeepMerge(current, value) : value);
  }
  return out;
}
