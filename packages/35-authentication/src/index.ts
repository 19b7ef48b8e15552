export {
  type AuthAppOptions,
  BODY_LIMIT,
  type BuildAuthAppOptions,
  buildAuthApp,
  createAuthApp,
} from './app.ts';
export { type AuthRouterOptions, authRouter } from './auth-router.ts';
export { type LoginBody, loginBody, MAX_EMAIL_LENGTH, parseBody, refreshBody } from './credentials.ts';
export { algNoneToken, decodeSegments, tamperPayload } from './forged-tokens.ts';
export { ALGORITHMS, type Algorithm, generateSigningKey, hmacKey, type SigningKey } from './keys.ts';
export { checkCredentials, type LoginResult, type PasswordPolicy } from './login.ts';
export { type AuthOptions, invalidToken, principalOf, requireAuth, requireRole } from './middleware.ts';
export {
  DEFAULT_COST,
  dummyHash,
  hashPassword,
  MAX_PASSWORD_BYTES,
  needsRehash,
  nodeScrypt,
  type ParsedHash,
  PasswordPolicyError,
  parseHash,
  type ScryptCost,
  type ScryptFn,
  verifyPassword,
} from './password.ts';
export { type RotateOutcome, SessionStore } from './sessions.ts';
export {
  type LoadPrincipal,
  type TokenPair,
  TokenService,
  type TokenServiceOptions,
} from './token-service.ts';
export {
  type AccessClaims,
  type RefreshClaims,
  TOKEN_TYPES,
  TokenError,
  type TokenErrorCode,
  TokenSigner,
  type TokenSignerOptions,
  type TokenUse,
  toTokenError,
} from './tokens.ts';
export {
  createUsersTable,
  findUserByEmail,
  findUserById,
  insertUser,
  ROLES,
  type Role,
  type User,
} from './users.ts';
export { type BearerError, bearerChallenge, type Challenge } from './www-authenticate.ts';
