export { createVersioningApp, type VersioningAppOptions } from './app.ts';
export {
  type DeprecationPolicy,
  deprecationHeaders,
  parseHttpDate,
  parseLinkHeader,
  parseStructuredDate,
} from './deprecation.ts';
export {
  type ApiVersion,
  type Negotiated,
  negotiateVersion,
  SUPPORTED_VERSIONS,
  VENDOR_TYPE,
} from './negotiation.ts';
export { type OpenApiDocument, openApiDocument } from './openapi.ts';
export { presentV1, presentV2, v1CreateToNewUser, v2CreateToNewUser, v2ToV1 } from './representations.ts';
export {
  type Change,
  type Classification,
  type DiffOptions,
  type Direction,
  diffOpenApi,
  diffSchemas,
  needsNewVersion,
  type OpenApiLike,
} from './schema-diff.ts';
export { type JsonSchema, jsonSchemaOf, V1CreateUser, V1User, V2CreateUser, V2User } from './schemas.ts';
export { type NewUser, type User, UsersService } from './users-service.ts';
