import { z } from 'zod';
import type { DeprecationPolicy } from './deprecation.ts';
import { type JsonSchema, jsonSchemaOf, V1CreateUser, V1User, V2CreateUser, V2User } from './schemas.ts';

/** An OpenAPI 3.1 document, as plain JSON. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: Record<string, unknown>;
  servers: { url: string; description: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, unknown>;
}

/** The kit's problem body (RFC 9457), published so clients can rely on `code`. */
const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
});

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: jsonSchemaOf(Problem, 'output') } },
});

const header = (description: string, example: string) => ({
  description,
  schema: { type: 'string' },
  example,
});

function deprecationResponseHeaders(policy: DeprecationPolicy | undefined): Record<string, unknown> {
  if (!policy) return {};
  return {
    headers: {
      Deprecation: header(
        'When this version was deprecated (RFC 9745, Unix seconds).',
        `@${Math.floor(policy.deprecatedAt.getTime() / 1000)}`,
      ),
      Sunset: header('When this version stops working (RFC 8594, HTTP-date).', policy.sunset.toUTCString()),
      Link: header(
        'The successor version and the deprecation policy.',
        '</api/v2/users/1>; rel="successor-version"',
      ),
    },
  };
}

interface VersionSpec {
  version: 1 | 2;
  create: z.ZodType;
  user: z.ZodType;
  deprecation?: DeprecationPolicy;
}

function operationsFor(spec: VersionSpec): OpenApiDocument['paths'] {
  const userBody = (description: string) => ({
    description,
    ...deprecationResponseHeaders(spec.deprecation),
    content: { 'application/json': { schema: jsonSchemaOf(spec.user, 'output') as JsonSchema } },
  });
  const common = { tags: ['users'], ...(spec.deprecation ? { deprecated: true } : {}) };
  return {
    '/users': {
      post: {
        ...common,
        operationId: `createUserV${spec.version}`,
        summary: 'Create a user',
        description:
          spec.version === 1 ? 'Takes one `name`; v2 takes `name.first` and `name.last`.' : 'Creates a user.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: jsonSchemaOf(spec.create, 'input') } },
        },
        responses: {
          '201': userBody('The user, as created.'),
          '400': problem('The body is not valid JSON or does not match the schema.'),
        },
      },
    },
    '/users/{id}': {
      get: {
        ...common,
        operationId: `getUserV${spec.version}`,
        summary: 'Get one user',
        description: 'Reads one user by id.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'The user id.',
            schema: { type: 'integer', minimum: 1 },
          },
        ],
        responses: {
          '200': userBody('The user.'),
          '400': problem('The id is not a positive integer.'),
          '404': problem('No user has this id.'),
        },
      },
    },
  };
}

/**
 * The OpenAPI document of one version. Paths are relative and the version lives in `servers`, so the two
 * documents line up path by path for the compatibility checker. `security: []` states that these demo
 * endpoints are public (the recommended lint rules ask that every operation says so either way).
 */
export function openApiDocument(version: 1 | 2, deprecation?: DeprecationPolicy): OpenApiDocument {
  const spec: VersionSpec =
    version === 1
      ? { version, create: V1CreateUser, user: V1User, ...(deprecation ? { deprecation } : {}) }
      : { version, create: V2CreateUser, user: V2User };
  return {
    openapi: '3.1.0',
    info: {
      title: `Users API v${version}`,
      version: `${version}.0.0`,
      description:
        version === 1
          ? 'Deprecated: see the Sunset header on every response, and move to v2.'
          : 'The current version: split names and links.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      {
        url: `http://127.0.0.1:3000/api/v${version}`,
        description: 'A local server (the demo picks a free port).',
      },
    ],
    security: [],
    tags: [{ name: 'users', description: 'User accounts.' }],
    paths: operationsFor(spec),
    components: {},
  };
}
