export { createSecurityApp, type SecurityAppOptions, userSort } from './app.ts';
export { FORBIDDEN_KEYS, naiveDeepMerge, safeDeepMerge } from './deep-merge.ts';
export { HttpError, problemErrorHandler, toProblem } from './errors.ts';
export {
  ACCOUNTS,
  type Account,
  createInjectionTables,
  findAccountsSafe,
  findAccountsUnsafe,
  INJECTIONS,
  SECRETS,
} from './injection.ts';
export { type AddressKind, classifyAddress, isPublicAddress } from './ip-ranges.ts';
export {
  DEFAULT_JSON_LIMITS,
  ForbiddenKeyError,
  forbiddenKeyReviver,
  type JsonLimits,
  jsonDocumentProblem,
} from './json-guard.ts';
export {
  publicOnly,
  type ResolvedAddress,
  type Resolver,
  SafeFetchError,
  type SafeFetchErrorCode,
  type SafeFetchOptions,
  type SafeFetchResult,
  safeFetch,
  systemResolver,
} from './safe-fetch.ts';
export {
  type FieldError,
  fetchRequestSchema,
  type PublicUser,
  publicUserSchema,
  safeText,
  toPublicUser,
  type UserPatch,
  userPatchSchema,
} from './schemas.ts';
export {
  type CorsPolicy,
  checkCorsPolicy,
  type SecurityOptions,
  securityMiddleware,
} from './security-middleware.ts';
export { escapedOrderBy, type SortAllowlist, type SortChoice, sortAllowlist } from './sort-allowlist.ts';
export { hasBadText } from './text.ts';
export { createUsersTable, getUserRow, seedUsers, type UserRow } from './users.ts';
