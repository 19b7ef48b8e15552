/**
 * The logging library a service imports (levels from configuration, the pino root logger, module children,
 * redaction, the request context on AsyncLocalStorage) and the HTTP pieces that use it on topic 21's
 * users-and-orders service (the request-id middleware, the logging error middleware, the assembled app).
 */
export {
  createLoggedApp,
  createLoggedService,
  type LoggedAppOptions,
  type LoggedServiceOptions,
} from './app.ts';
export { LogCapture, type LogRecord } from './capture.ts';
export { asyncHops, type Hop, pgCallbackHops, SharedWorker, sharedWorkerHops } from './context-hops.ts';
export { type ChainLink, errorChain, MAX_CHAIN_DEPTH } from './error-chain.ts';
export {
  type ErrorLevel,
  type LoggingErrorHandlerOptions,
  levelForStatus,
  loggingErrorHandler,
} from './error-middleware.ts';
export {
  REQUEST_ID_HEADER,
  type RequestContextMiddlewareOptions,
  requestContextMiddleware,
} from './http-context.ts';
export {
  DEFAULT_LOG_LEVEL,
  LOG_LEVELS,
  LogConfigError,
  type LogLevel,
  levelFromEnv,
  parseLogLevel,
} from './levels.ts';
export { lineWriters, nullStream, type WriteLine } from './line-writers.ts';
export { logCalls } from './logged-calls.ts';
export { type CreateLoggerOptions, createLogger, moduleLogger } from './logger.ts';
export { DEFAULT_REDACT_PATHS, REDACTED } from './redaction.ts';
export {
  type AcceptedRequestId,
  acceptRequestId,
  MAX_REQUEST_ID_LENGTH,
  RequestContext,
  type RequestIdRefusal,
  type RequestStore,
} from './request-context.ts';
