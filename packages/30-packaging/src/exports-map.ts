/**
 * How Node (and TypeScript, with its own conditions) reads a package.json `exports` field: the subpath a
 * consumer asks for, then the first condition, in the object's own key order, that the resolver supports.
 * A small version of Node's PACKAGE_EXPORTS_RESOLVE, to show why "types" goes first and "default" last.
 */

export type ExportsTarget =
  | string
  | null
  | readonly ExportsTarget[]
  | { readonly [key: string]: ExportsTarget };

export type ExportsResolution =
  | { ok: true; target: string; key: string; conditions: string[] }
  | {
      ok: false;
      code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' | 'ERR_INVALID_PACKAGE_TARGET' | 'ERR_INVALID_PACKAGE_CONFIG';
      message: string;
    };

/** The conditions each resolver turns on (`default` always matches, last). */
export const CONDITIONS = {
  /** `import x from 'pkg'` in Node. */
  nodeImport: ['node', 'import'],
  /** `require('pkg')` in Node. */
  nodeRequire: ['node', 'require'],
  /** TypeScript type-checking an ESM file with `moduleResolution: nodenext`. */
  typesImport: ['types', 'node', 'import'],
  /** TypeScript type-checking a CommonJS file (`.cts`, or `.ts` in a package without `"type": "module"`). */
  typesRequire: ['types', 'node', 'require'],
  /** A bundler targeting browsers (esbuild `platform: 'browser'`). */
  browserImport: ['browser', 'import'],
} as const satisfies Record<string, readonly string[]>;

type Failure = Extract<ExportsResolution, { ok: false }>;
const fail = (code: Failure['code'], message: string): Failure => ({ ok: false, code, message });

const isRecord = (value: unknown): value is { readonly [key: string]: ExportsTarget } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Walk = { target: string; conditions: string[] } | Failure | undefined;

/** Follows one target: a path, an array of fallbacks, or a conditions object read in key order. */
function walk(
  target: ExportsTarget,
  conditions: ReadonlySet<string>,
  star: string | undefined,
  trail: string[],
): Walk {
  if (typeof target === 'string') {
    if (!target.startsWith('./'))
      return fail('ERR_INVALID_PACKAGE_TARGET', `target ${target} must start with ./`);
    return { target: star === undefined ? target : target.replaceAll('*', star), conditions: trail };
  }
  if (target === null) return undefined;
  if (Array.isArray(target)) {
    // Fallbacks: an invalid entry is skipped (a newer target syntax an older Node does not know), and
    // when none resolves, the last entry's outcome is the answer.
    let last: Walk;
    for (const item of target as readonly ExportsTarget[]) {
      last = walk(item, conditions, star, trail);
      if (last && (!('ok' in last) || last.code !== 'ERR_INVALID_PACKAGE_TARGET')) return last;
    }
    return last;
  }
  if (isRecord(target)) {
    const keys = Object.keys(target);
    const dotted = keys.find((key) => key.startsWith('.'));
    if (dotted) return fail('ERR_INVALID_PACKAGE_CONFIG', `"${dotted}" inside a conditions object`);
    for (const key of keys) {
      // Order is the object's, not the resolver's: the first key this resolver supports wins, so a
      // "default" written before "types" hides the types from TypeScript.
      if (key !== 'default' && !conditions.has(key)) continue;
      const found = walk(target[key] ?? null, conditions, star, [...trail, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The `.`-keyed form of an exports field (`"exports": "./x.js"` is sugar for `{ ".": "./x.js" }`). */
function subpathMap(exportsField: ExportsTarget): { map: Record<string, ExportsTarget> } | Failure {
  if (!isRecord(exportsField)) return { map: { '.': exportsField } };
  const keys = Object.keys(exportsField);
  const dotted = keys.filter((k) => k.startsWith('.'));
  if (dotted.length === 0) return { map: { '.': exportsField } };
  if (dotted.length !== keys.length) {
    return fail('ERR_INVALID_PACKAGE_CONFIG', 'exports mixes subpaths (".…") with conditions');
  }
  return { map: exportsField };
}

/**
 * The pattern key (`./features/*`) that matches `subpath` best, as Node's PATTERN_KEY_COMPARE orders them:
 * the longest prefix before the `*`, then the longest key. The `*` matches at least one character.
 */
function matchPattern(
  map: Record<string, ExportsTarget>,
  subpath: string,
): { key: string; star: string } | undefined {
  let best: { key: string; star: string; prefixLength: number } | undefined;
  for (const key of Object.keys(map)) {
    const at = key.indexOf('*');
    if (at === -1 || key.indexOf('*', at + 1) !== -1) continue;
    const prefix = key.slice(0, at);
    const suffix = key.slice(at + 1);
    if (subpath.length < key.length || !subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue;
    if (!best || at > best.prefixLength || (at === best.prefixLength && key.length > best.key.length)) {
      best = { key, star: subpath.slice(at, subpath.length - suffix.length), prefixLength: at };
    }
  }
  return best;
}

/**
 * Resolves `subpath` (`.`, `./package.json`, `./utils`) against an `exports` field for a set of
 * conditions. The result names the matched key and the conditions walked, e.g. `['import', 'types']`.
 */
export function resolveExports(
  exportsField: ExportsTarget,
  subpath: string,
  conditions: readonly string[],
): ExportsResolution {
  const parsed = subpathMap(exportsField);
  if (!('map' in parsed)) return parsed;
  const { map } = parsed;
  const notExported = fail(
    'ERR_PACKAGE_PATH_NOT_EXPORTED',
    `subpath '${subpath}' is not defined by "exports"`,
  );
  const exact = Object.hasOwn(map, subpath) && !subpath.includes('*');
  const match = exact ? { key: subpath, star: undefined } : matchPattern(map, subpath);
  if (!match) return notExported;
  const found = walk(map[match.key] ?? null, new Set(conditions), match.star, []);
  if (found === undefined) return notExported;
  if ('ok' in found) return found;
  return { ok: true, target: found.target, key: match.key, conditions: found.conditions };
}
