export { hasCode, type Rule, runAll, splitErrors, validateAll } from './aggregate.ts';
export {
  AppError,
  type AppErrorOptions,
  ConflictError,
  DependencyError,
  type ErrorBody,
  type ErrorDetails,
  NotFoundError,
  toHttp,
  ValidationError,
} from './app-error.ts';
export { causeChain, describeChain, parseJsonBody } from './cause.ts';
export {
  exitOnFatalErrors,
  type FatalOptions,
  type FatalRun,
  type ProcessLike,
  runUnhandledInChild,
} from './fatal.ts';
export {
  finallyRunsAfterReturn,
  returnInFinallyOverridesReturn,
  returnInFinallySwallowsError,
  throwInFinallyReplacesError,
  withElse,
} from './finally.ts';
export {
  describePortProblem,
  err,
  map,
  ok,
  type PortProblem,
  parsePort,
  parsePortOrThrow,
  type Result,
  tryCatch,
} from './result.ts';
export { errorMessage, toError } from './unknown.ts';
