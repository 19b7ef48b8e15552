/**
 * What the JSON parser lets through before any route sees it. Express's parser (body-parser) calls
 * JSON.parse and nothing more; Fastify refuses `__proto__` and `constructor.prototype` by default
 * (secure-json-parse). `forbiddenKeyReviver` gives Express the same refusal in the parse itself.
 */
import { hasBadText } from './text.ts';

/** A body carried a key that only exists to reach a prototype. */
export class ForbiddenKeyError extends SyntaxError {
  constructor(readonly key: string) {
    super(`the JSON body contains the key "${key}", which is refused`);
    this.name = 'ForbiddenKeyError';
  }
}

/**
 * A JSON.parse reviver that throws on `__proto__` anywhere, and on `constructor` whose value has a
 * `prototype` key (a plain "constructor" field stays legal, as in secure-json-parse). Revivers run
 * bottom-up, so the `constructor` value is already parsed when its key is seen.
 */
export function forbiddenKeyReviver(this: unknown, key: string, value: unknown): unknown {
  if (key === '__proto__') throw new ForbiddenKeyError(key);
  if (
    key === 'constructor' &&
    typeof value === 'object' &&
    value !== null &&
    Object.hasOwn(value, 'prototype')
  )
    throw new ForbiddenKeyError('constructor.prototype');
  return value;
}

export interface JsonLimits {
  /** Nesting below the top-level object. */
  maxDepth: number;
  /** Keys and array items, counted over the whole document. */
  maxNodes: number;
  maxKeyLength: number;
  maxStringLength: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = {
  maxDepth: 4,
  maxNodes: 200,
  maxKeyLength: 64,
  maxStringLength: 1_000,
};

/**
 * Why a free-form JSON object cannot be stored (undefined when it can): too deep, too big, or text that
 * PostgreSQL refuses (U+0000) or that is not Unicode (a lone surrogate). Iterative, so a body nested ten
 * thousand deep costs a loop, not the stack.
 */
export function jsonDocumentProblem(
  document: unknown,
  limits: JsonLimits = DEFAULT_JSON_LIMITS,
): string | undefined {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    return 'must be a JSON object';
  const stack: Array<{ value: unknown; depth: number; path: string }> = [
    { value: document, depth: 0, path: '' },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as { value: unknown; depth: number; path: string };
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength)
        return `${path}: longer than ${limits.maxStringLength} characters`;
      if (hasBadText(value)) return `${path}: contains U+0000 or a lone surrogate`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > limits.maxDepth) return `${path}: nested deeper than ${limits.maxDepth} levels`;
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    nodes += entries.length;
    if (nodes > limits.maxNodes) return `more than ${limits.maxNodes} keys and items in all`;
    for (const [key, child] of entries) {
      if (!Array.isArray(value) && (key.length > limits.maxKeyLength || key.length === 0 || hasBadText(key)))
        return `${path}: a key is empty, longer than ${limits.maxKeyLength} characters, or not storable text`;
      stack.push({
        value: child,
        depth: depth + 1,
        path: path ? `${path}.${key.slice(0, 64)}` : key.slice(0, 64),
      });
    }
  }
  return undefined;
}
