/**
 * The type of a value after `deepFreeze`: every property readonly, all the way down. Maps and Sets become
 * their read-only interfaces (at run time their `set`/`add`/`delete` still work: `Object.freeze` cannot
 * reach a Map's internal entries). Functions and Dates are left as they are.
 */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends Date
    ? T
    : T extends ReadonlyMap<infer K, infer V>
      ? ReadonlyMap<DeepReadonly<K>, DeepReadonly<V>>
      : T extends ReadonlySet<infer U>
        ? ReadonlySet<DeepReadonly<U>>
        : T extends object
          ? { readonly [P in keyof T]: DeepReadonly<T[P]> }
          : T;

// Functions are behaviour, not data, and are never visited: deep-freezing one would freeze its `prototype`
// object, which every instance of that class shares.
const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

const at = (path: string, key: PropertyKey): string =>
  typeof key === 'symbol'
    ? `${path}[${String(key)}]`
    : /^\d+$/.test(key as string)
      ? `${path}[${key as string}]`
      : `${path}.${String(key)}`;

/** Every object reachable from `root` through own data properties and Map/Set entries, each once. */
function* reachable(root: unknown): Generator<{ value: object; path: string }> {
  if (!isObject(root)) return;
  const seen = new WeakSet<object>();
  const stack: Array<{ value: object; path: string }> = [{ value: root, path: '$' }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || seen.has(item.value)) continue;
    seen.add(item.value);
    yield item;
    const { value, path } = item;
    if (value instanceof Map) {
      let i = 0;
      for (const [k, v] of value) {
        if (isObject(k)) stack.push({ value: k, path: `${path}<key #${i}>` });
        if (isObject(v)) stack.push({ value: v, path: `${path}<value #${i}>` });
        i++;
      }
    } else if (value instanceof Set) {
      let i = 0;
      for (const v of value) {
        if (isObject(v)) stack.push({ value: v, path: `${path}<item #${i}>` });
        i++;
      }
    }
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      // Getters are not called: reading them could run arbitrary code.
      if (descriptor && 'value' in descriptor && isObject(descriptor.value))
        stack.push({ value: descriptor.value, path: at(path, key) });
    }
  }
}

/**
 * Freezes `value` and everything reachable from it, in place, and returns it typed as `DeepReadonly`.
 * Safe on cycles and shared sub-objects (each object is visited once). Functions are not descended into.
 * Typed arrays and ArrayBuffers are refused with a TypeError: their bytes cannot be frozen.
 * Maps, Sets and Dates are frozen as objects, but their internal state (entries, time) stays writable
 * through their methods; `mutablePaths` lists them.
 */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  const all = [...reachable(value)];
  // Check everything first so that a refused value leaves the graph untouched rather than half frozen.
  for (const { value: item, path } of all) {
    if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer)
      throw new TypeError(
        `deepFreeze: ${path} is a ${item.constructor.name}; its bytes cannot be frozen. Copy it into a plain array or keep it out of frozen data.`,
      );
  }
  for (const { value: item } of all) Object.freeze(item);
  return value as DeepReadonly<T>;
}

/**
 * Paths (`$.a.b`, `$[0]`) of everything reachable from `value` that can still change: objects that are not
 * frozen, and Maps, Sets and Dates whatever their frozen flag (their methods write internal slots that
 * `Object.freeze` does not cover). Empty means deeply immutable.
 */
export function mutablePaths(value: unknown): string[] {
  const paths: string[] = [];
  for (const { value: item, path } of reachable(value)) {
    if (item instanceof Map || item instanceof Set || item instanceof Date)
      paths.push(`${path} (${item.constructor.name}: methods still write)`);
    else if (!Object.isFrozen(item)) paths.push(path);
  }
  return paths.sort();
}

/** True when nothing reachable from `value` can be changed (see `mutablePaths`). */
export const isDeepFrozen = (value: unknown): boolean => mutablePaths(value).length === 0;

/**
 * Writes `object[key] = value` as sloppy-mode (non-strict) code does, returning whether the write took
 * effect. On a frozen object it fails silently; the same line in an ES module throws a TypeError.
 */
export function sloppyWrite(object: object, key: string, value: unknown): boolean {
  // Function bodies built at run time are sloppy unless they say 'use strict': that is the point here.
  const write = new Function('o', 'k', 'v', 'o[k] = v; return Object.is(o[k], v);') as (
    o: object,
    k: string,
    v: unknown,
  ) => boolean;
  return write(object, key, value);
}
