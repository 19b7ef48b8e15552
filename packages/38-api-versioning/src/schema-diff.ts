import type { JsonSchema } from './schemas.ts';

/**
 * A compatibility checker: compares two JSON Schemas (or two OpenAPI documents, operation by operation) and
 * classifies every change as additive (old clients keep working) or breaking (some old client fails).
 * Which way a change goes depends on who reads the data: a field a response drops breaks the client that
 * reads it, while a field a request drops is only ignored unless the server refuses unknown fields.
 */

export type Direction = 'request' | 'response';
export type Classification = 'additive' | 'breaking';

export interface Change {
  /** Where: `GET /users/{id} 200 .name` style. */
  location: string;
  kind: string;
  classification: Classification;
  why: string;
}

export interface DiffOptions {
  /**
   * Clients that reject values they do not know (a zod enum, an exhaustive switch that throws). With it
   * off, as the seed's table has it, a new enum value in a response is additive; with it on, breaking.
   */
  strictClients?: boolean;
}

const asSchema = (value: unknown): JsonSchema | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : undefined;

/** The JSON types a schema allows, sorted; objects without `type` but with `properties` count as objects. */
function typesOf(schema: JsonSchema): string[] {
  const t = schema.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return (t as string[]).slice().sort();
  return schema.properties ? ['object'] : [];
}

/** integer ⊂ number: a response narrowing number to integer, or a request widening integer to number, is fine. */
const covers = (wide: string[], narrow: string[]) =>
  narrow.every((t) => wide.includes(t) || (t === 'integer' && wide.includes('number')));

const requiredOf = (schema: JsonSchema): Set<string> =>
  new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);

function change(location: string, kind: string, classification: Classification, why: string): Change {
  return { location: location || '(root)', kind, classification, why };
}

function diffEnum(a: JsonSchema, b: JsonSchema, dir: Direction, at: string, options: DiffOptions): Change[] {
  if (!Array.isArray(a.enum) || !Array.isArray(b.enum)) return [];
  const before = a.enum as unknown[];
  const after = b.enum as unknown[];
  const out: Change[] = [];
  for (const value of after.filter((v) => !before.includes(v))) {
    const breaking = dir === 'response' && options.strictClients === true;
    out.push(
      change(
        at,
        'enum-value-added',
        breaking ? 'breaking' : 'additive',
        dir === 'request'
          ? `requests may now send ${JSON.stringify(value)}; old ones still validate`
          : breaking
            ? `a strict client rejects the unknown value ${JSON.stringify(value)}`
            : `clients should treat an unknown value (${JSON.stringify(value)}) as "other"`,
      ),
    );
  }
  for (const value of before.filter((v) => !after.includes(v))) {
    out.push(
      dir === 'request'
        ? change(
            at,
            'enum-value-removed',
            'breaking',
            `requests sending ${JSON.stringify(value)} now fail validation`,
          )
        : change(at, 'enum-value-removed', 'additive', `the server no longer sends ${JSON.stringify(value)}`),
    );
  }
  return out;
}

function diffProperties(
  a: JsonSchema,
  b: JsonSchema,
  dir: Direction,
  at: string,
  options: DiffOptions,
): Change[] {
  const before = asSchema(a.properties) ?? {};
  const after = asSchema(b.properties) ?? {};
  const requiredBefore = requiredOf(a);
  const requiredAfter = requiredOf(b);
  const out: Change[] = [];
  for (const name of Object.keys(before)) {
    const where = `${at}.${name}`;
    if (!(name in after)) {
      const refused = b.additionalProperties === false;
      out.push(
        dir === 'response'
          ? change(
              where,
              'property-removed',
              'breaking',
              'clients reading it get undefined (a rename is a removal too)',
            )
          : refused
            ? change(
                where,
                'property-removed',
                'breaking',
                'the server now refuses requests that still send it',
              )
            : change(where, 'property-removed', 'additive', 'the server ignores it when old clients send it'),
      );
      continue;
    }
    const wasRequired = requiredBefore.has(name);
    const isRequired = requiredAfter.has(name);
    if (!wasRequired && isRequired) {
      out.push(
        dir === 'request'
          ? change(where, 'became-required', 'breaking', 'requests without it, valid before, now fail')
          : change(where, 'became-required', 'additive', 'responses now always carry it'),
      );
    } else if (wasRequired && !isRequired) {
      out.push(
        dir === 'request'
          ? change(where, 'became-optional', 'additive', 'requests that send it still validate')
          : change(where, 'became-optional', 'breaking', 'clients that rely on it may now get undefined'),
      );
    }
    out.push(...diffSchemas(asSchema(before[name]) ?? {}, asSchema(after[name]) ?? {}, dir, where, options));
  }
  for (const name of Object.keys(after).filter((n) => !(n in before))) {
    const where = `${at}.${name}`;
    if (dir === 'response') {
      out.push(change(where, 'property-added', 'additive', 'existing clients ignore unknown fields'));
    } else if (requiredAfter.has(name)) {
      out.push(
        change(where, 'property-added-required', 'breaking', 'existing requests lack it and now fail'),
      );
    } else {
      out.push(
        change(where, 'property-added-optional', 'additive', 'existing requests still validate without it'),
      );
    }
  }
  return out;
}

/** Every change from schema `a` to schema `b` for data flowing in direction `dir`. */
export function diffSchemas(
  a: JsonSchema,
  b: JsonSchema,
  dir: Direction,
  at = '',
  options: DiffOptions = {},
): Change[] {
  const before = typesOf(a);
  const after = typesOf(b);
  if (before.length > 0 && after.length > 0 && before.join() !== after.join()) {
    // A response may narrow (fewer types reach the client); a request may widen (more inputs accepted).
    const compatible = dir === 'response' ? covers(before, after) : covers(after, before);
    return [
      change(
        at,
        'type-changed',
        compatible ? 'additive' : 'breaking',
        `${before.join('|')} → ${after.join('|')}${compatible ? '' : ': parsing on the other side fails'}`,
      ),
    ];
  }
  const out = [...diffEnum(a, b, dir, at, options), ...diffProperties(a, b, dir, at, options)];
  const itemsA = asSchema(a.items);
  const itemsB = asSchema(b.items);
  if (itemsA && itemsB) out.push(...diffSchemas(itemsA, itemsB, dir, `${at}[]`, options));
  return out;
}

/** The minimal shape of an OpenAPI 3.1 document the checker reads. */
export interface OpenApiLike {
  paths: Record<string, Record<string, unknown>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

function operations(doc: OpenApiLike): Map<string, Operation> {
  const ops = new Map<string, Operation>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) ops.set(`${method.toUpperCase()} ${path}`, op as Operation);
    }
  }
  return ops;
}

const firstSchema = (content: Record<string, { schema?: JsonSchema }> | undefined) =>
  Object.values(content ?? {})[0]?.schema ?? {};

function diffParameters(a: Operation, b: Operation, at: string): Change[] {
  const key = (p: { name: string; in: string }) => `${p.in}:${p.name}`;
  const before = new Map((a.parameters ?? []).map((p) => [key(p), p]));
  const after = new Map((b.parameters ?? []).map((p) => [key(p), p]));
  const out: Change[] = [];
  for (const [k, p] of before) {
    const next = after.get(k);
    const where = `${at} ${p.in} parameter ${p.name}`;
    if (!next)
      out.push(change(where, 'parameter-removed', 'breaking', 'clients that send it lose what it did'));
    else if (!p.required && next.required) {
      out.push(change(where, 'parameter-became-required', 'breaking', 'calls without it now fail'));
    }
  }
  for (const [k, p] of after) {
    if (before.has(k)) continue;
    const where = `${at} ${p.in} parameter ${p.name}`;
    out.push(
      p.required
        ? change(where, 'parameter-added-required', 'breaking', 'existing calls lack it and now fail')
        : change(where, 'parameter-added-optional', 'additive', 'existing calls still work without it'),
    );
  }
  return out;
}

/**
 * Every change between two OpenAPI documents. Paths are compared as written, so give both documents the
 * same relative paths and put the version in `servers` (as ours do): `/users/{id}` in v1 and in v2.
 */
export function diffOpenApi(a: OpenApiLike, b: OpenApiLike, options: DiffOptions = {}): Change[] {
  const before = operations(a);
  const after = operations(b);
  const out: Change[] = [];
  for (const [name, op] of before) {
    const next = after.get(name);
    if (!next) {
      out.push(change(name, 'operation-removed', 'breaking', 'existing calls and bookmarks get 404'));
      continue;
    }
    out.push(...diffParameters(op, next, name));
    out.push(
      ...diffSchemas(
        firstSchema(op.requestBody?.content),
        firstSchema(next.requestBody?.content),
        'request',
        `${name} body`,
        options,
      ),
    );
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      const nextResponse = next.responses?.[status];
      const where = `${name} ${status}`;
      if (!nextResponse) {
        out.push(
          change(where, 'response-removed', 'breaking', `clients handling ${status} no longer get it`),
        );
        continue;
      }
      out.push(
        ...diffSchemas(
          firstSchema(response.content),
          firstSchema(nextResponse.content),
          'response',
          where,
          options,
        ),
      );
    }
  }
  for (const name of after.keys()) {
    if (!before.has(name)) out.push(change(name, 'operation-added', 'additive', 'no existing call uses it'));
  }
  return out;
}

/** Whether a set of changes needs a new major version: any breaking change does. */
export const needsNewVersion = (changes: readonly Change[]): boolean =>
  changes.some((c) => c.classification === 'breaking');
