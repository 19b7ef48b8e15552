/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas: the docs cannot drift
 * from what the server validates, because both read the same declarations. OpenAPI 3.1 schemas are
 * JSON Schema 2020-12, which is what `z.toJSONSchema()` emits by default.
 */
import { PROBLEM_CONTENT_TYPE } from '@lab/common/problem';
import { z } from 'zod';
import type { Route } from './route.ts';
import { requestComponents, responseComponents } from './schemas.ts';

/** A JSON object, as the document holds them. */
export type JsonObject = { [key: string]: unknown };

/** The parts of an OpenAPI document this API produces. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: {
    title: string;
    version: string;
    description: string;
    license: { name: string; identifier: string };
  };
  servers: Array<{ url: string; description: string }>;
  security: Array<Record<string, string[]>>;
  paths: Record<string, Record<string, JsonObject>>;
  components: { schemas: Record<string, JsonObject>; responses: Record<string, JsonObject> };
}

const schemaRef = (id: string) => `#/components/schemas/${id}`;
const responseRef = (name: string) => `#/components/responses/${name}`;

/** Error statuses, as named in `components.responses`. */
const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'Malformed JSON, or an invalid path or query parameter' },
  404: { name: 'NotFound', description: 'No such resource' },
  405: { name: 'MethodNotAllowed', description: 'The path exists, the method does not; see Allow' },
  409: { name: 'Conflict', description: 'The request conflicts with existing data' },
  413: { name: 'PayloadTooLarge', description: 'The request body is larger than the limit' },
  415: { name: 'UnsupportedMediaType', description: 'The request body is not JSON' },
  422: { name: 'UnprocessableContent', description: 'Valid JSON that breaks a field rule' },
  500: { name: 'InternalError', description: 'A server fault; the body says nothing about internals' },
};

type Io = 'input' | 'output';

/** Post-processing of every generated schema node. */
function tidy(io: Io) {
  return ({ jsonSchema }: { jsonSchema: JsonObject }): void => {
    // zod's date-time regex is its implementation of the format; the format keyword already says it.
    if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
    // Output-side objects come out closed. Left so, adding a response field would break every client
    // that validates strictly against the document: responses stay open to additions.
    if (io === 'output' && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
  };
}

function withoutDialect(schema: JsonObject): JsonObject {
  // Each component comes out as a standalone document; inside OpenAPI 3.1 the dialect is implied, and a
  // fragment-only $id is not valid JSON Schema 2020-12.
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function componentSchemas(): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const [registry, io] of [
    [requestComponents, 'input'],
    [responseComponents, 'output'],
  ] as const) {
    const { schemas } = z.toJSONSchema(registry, { io, uri: schemaRef, override: tidy(io) });
    for (const [id, schema] of Object.entries(schemas)) out[id] = withoutDialect(schema as JsonObject);
  }
  return out;
}

/** A `$ref` when the schema is a named component, the schema inline otherwise. */
function schemaOf(schema: z.ZodType, io: Io): JsonObject {
  const id = (io === 'input' ? requestComponents : responseComponents).get(schema)?.id;
  if (id) return { $ref: schemaRef(id) };
  return withoutDialect(z.toJSONSchema(schema, { io, override: tidy(io) }) as JsonObject);
}

/**
 * Path and query parameters from a `z.object`. The parameter schema describes the typed value (the output
 * of parsing: `page` is an integer), and the `form`/`simple` styles say how it is written in the URL.
 */
function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { description, ...json } = schemaOf(field, 'output');
    return {
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      ...(description !== undefined ? { description } : {}),
      schema: json,
    };
  });
}

function operationOf(route: Route): JsonObject {
  const responses: JsonObject = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    responses[status] = {
      description: spec.description,
      ...(spec.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(spec.headers).map(([name, description]) => [
                name,
                { description, schema: { type: 'string', format: 'uri-reference' } },
              ]),
            ),
          }
        : {}),
      ...(spec.schema
        ? { content: { 'application/json': { schema: schemaOf(spec.schema, 'output') } } }
        : {}),
    };
  }
  for (const status of [...route.errors, 500]) {
    const known = ERROR_RESPONSES[status];
    if (!known) throw new Error(`${route.operationId}: no error response documented for ${status}`);
    responses[String(status)] = { $ref: responseRef(known.name) };
  }
  const parameters = [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')];
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: route.tags,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              route.bodyTypes.map((type) => [type, { schema: schemaOf(route.body!, 'input') }]),
            ),
          },
        }
      : {}),
    responses,
  };
}

/** The whole document for `routes`. Pure: the app builds it once at start-up and serves the result. */
export function buildOpenApi(routes: readonly Route[]): OpenApiDocument {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const path = paths[route.path] ?? {};
    paths[route.path] = path;
    if (path[route.method]) throw new Error(`${route.method.toUpperCase()} ${route.path} is declared twice`);
    path[route.method] = operationOf(route);
  }
  const errorSchema = { $ref: schemaRef('Error') };
  // Only the error responses some operation refers to: an unused component is dead documentation (405
  // is answered for a known path with an unknown method, which no operation can list).
  const used = new Set(JSON.stringify(paths).match(/#\/components\/responses\/\w+/g) ?? []);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Users and orders',
      version: '1.0.0',
      description: 'Part 4, Q1 of interview-lab: a REST API whose validation and docs share one source.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Relative: the document is served by the API it describes, wherever that runs.
    servers: [{ url: '/', description: 'the server this document was fetched from' }],
    // Declared, not forgotten: this API has no authentication yet (topic 35 adds it). An empty list says
    // "public" on purpose, which is what linters ask for (redocly's security-defined).
    security: [],
    paths,
    components: {
      schemas: componentSchemas(),
      responses: Object.fromEntries(
        Object.values(ERROR_RESPONSES)
          .filter(({ name }) => used.has(responseRef(name)))
          .map(({ name, description }) => [
            name,
            { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: errorSchema } } },
          ]),
      ),
    },
  };
}
