/**
 * Dependency injection on topic 21's users service: a signup flow (register, welcome mail through an
 * outbox, Redis cache) built by constructor injection, wired in one composition root, with request-scoped
 * dependencies on AsyncLocalStorage, and the same graph on a typed mini container and on awilix.
 */
export { createSignupApp, requestScopeMiddleware, type SignupAppDeps, type SignupAppOptions } from './app.ts';
export {
  type Container,
  type ContainerConfig,
  createContainer,
  type Graph,
  type Infrastructure,
  type MailerFactory,
  type Openers,
  outboxMailer,
  realOpeners,
  wire,
} from './composition-root.ts';
export { MemoryUserCache, RecordingMailer } from './fakes.ts';
export { Lifecycle } from './lifecycle.ts';
export type { Mailer, MailMessage } from './mailer.ts';
export {
  migrateOutbox,
  OutboxMailer,
  type OutboxMailerOptions,
  type OutboxRow,
  readOutbox,
} from './outbox-mailer.ts';
export { type LogSink, RequestLogger } from './request-logger.ts';
export { OutOfScopeError, type RequestInfo, RequestScope } from './request-scope.ts';
export { type SignupDeps, SignupService, welcomeMail } from './signup-service.ts';
export { type Lifetime, TinyContainer } from './tiny-container.ts';
export { PassThroughUnitOfWork, TransactionScope, type UnitOfWork } from './transaction-scope.ts';
export { RedisUserCache, type RedisUserCacheOptions, type UserCache } from './user-cache.ts';
export {
  awilixOptionalRead,
  awilixRequestScope,
  awilixTypo,
  awilixWiring,
  type Cradle,
  type Leaves,
  type ManualGraph,
  manualWiring,
  type TinyGraph,
  tinyWiring,
} from './wirings.ts';
