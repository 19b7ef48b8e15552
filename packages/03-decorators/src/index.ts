// The example-*.ts modules are not re-exported: they are illustrations for the demo and the tests, not API.

export { bound } from './bound.ts';
export { type Clock, type ManualClock, manualClock, systemClock } from './clock.ts';
export { decorate } from './compose.ts';
export { type AnyClass, frozen } from './frozen.ts';
export { type AnyFunction, expectMethod, keepIdentity, memberName, unwrap } from './keep-identity.ts';
export { type LoggingOptions, logged, withLogging } from './logging.ts';
export { type MemoizeOptions, memoize, withMemo } from './memoize.ts';
export { range } from './range.ts';
export { RateLimitError, type RateLimitOptions, rateLimit, withRateLimit } from './rate-limit.ts';
export { backoffDelay, type Jitter, type RetryOptions, retry, withRetry } from './retry.ts';
export {
  controller,
  get,
  type HttpMethod,
  post,
  type RegisteredRoute,
  type RouteSpec,
  RouteTable,
  route,
  routesOf,
} from './routes.ts';
export { metadataKey, metadataOf } from './symbol-metadata.ts';
export { type TimingOptions, type TimingReport, timed, withTiming } from './timing.ts';
export { traced, tracedClass } from './trace.ts';
