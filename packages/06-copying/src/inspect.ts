/**
 * Tools that look at an original and its copy side by side: which objects they still share, and which
 * values changed kind on the way (a Date that became a string, a Map that became `{}`).
 */

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** Every object reachable from `root` (own data properties, Map and Set entries), each with one path to it. */
function walk(root: unknown): Map<object, string> {
  const found = new Map<object, string>();
  const visit = (value: unknown, path: string): void => {
    if (!isObject(value) || found.has(value)) return;
    found.set(value, path);
    if (value instanceof Map) {
      let i = 0;
      for (const [k, v] of value) {
        visit(k, `${path}<key #${i}>`);
        visit(v, `${path}<value #${i}>`);
        i++;
      }
    } else if (value instanceof Set) {
      let i = 0;
      for (const member of value) visit(member, `${path}<item #${i++}>`);
    }
    if (ArrayBuffer.isView(value)) return;
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) visit(descriptor.value, childPath(path, key));
    }
  };
  visit(root, '$');
  return found;
}

const childPath = (path: string, key: PropertyKey): string =>
  typeof key === 'symbol'
    ? `${path}[${String(key)}]`
    : /^\d+$/.test(String(key))
      ? `${path}[${key}]`
      : `${path}.${key}`;

/**
 * Paths in `copy` that lead to an object the original also holds: empty for a true deep copy, the nested
 * objects for a shallow copy, `['$']` (and everything) for plain assignment.
 */
export function sharedReferences(original: unknown, copy: unknown): string[] {
  const inOriginal = walk(original);
  const shared: string[] = [];
  for (const [object, path] of walk(copy)) if (inOriginal.has(object)) shared.push(path);
  return shared;
}

/** A value's kind, finer than `typeof`: `NaN`, `Infinity`, `null`, `Array`, `Date`, `Map`, a class name. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return 'number';
  }
  if (typeof value !== 'object') return typeof value;
  // By the constructor, arrays too: an Array subclass that a copy turns into a plain Array is a loss.
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  return proto?.constructor?.name || 'Object';
}

/** One place where a copy differs in kind from its original. */
export interface Loss {
  path: string;
  before: string;
  /** The copy's kind at the same path, or `missing` when the property is gone. */
  after: string;
}

/**
 * Walks `original` and reports every path where `copy` holds a different kind of value, or nothing.
 * Looks into plain objects, arrays and class instances; compares Maps, Sets, Dates and
 * RegExps as whole values.
 */
export function describeLosses(original: unknown, copy: unknown): Loss[] {
  const losses: Loss[] = [];
  const seen = new Set<object>();
  const visit = (before: unknown, after: unknown, present: boolean, path: string): void => {
    const kindBefore = kindOf(before);
    const kindAfter = present ? kindOf(after) : 'missing';
    if (kindBefore !== kindAfter) {
      losses.push({ path, before: kindBefore, after: kindAfter });
      if (!present || !isObject(after)) return;
    }
    if (!isObject(before) || !isObject(after) || seen.has(before)) return;
    if (before instanceof Map || before instanceof Set || before instanceof Date || before instanceof RegExp)
      return;
    seen.add(before);
    for (const key of Reflect.ownKeys(before)) {
      if (Array.isArray(before) && key === 'length') continue;
      const descriptor = Object.getOwnPropertyDescriptor(before, key);
      if (!descriptor || !('value' in descriptor)) continue;
      visit(
        descriptor.value,
        (after as Record<PropertyKey, unknown>)[key],
        Object.hasOwn(after, key),
        childPath(path, key),
      );
    }
  };
  visit(original, copy, true, '$');
  return losses;
}
