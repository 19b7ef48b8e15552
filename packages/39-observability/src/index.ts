export { createObservedApp, migrate, type ObservedApp, type ObservedAppOptions } from './app.ts';
export { parseExposition, type Sample, samplesOf, seriesCount } from './exposition.ts';
export {
  type CheckResult,
  type CheckStatus,
  type HealthCheck,
  type HealthReport,
  type PingableRedis,
  postgresCheck,
  redisCheck,
  runChecks,
} from './health-checks.ts';
export { healthRouter } from './health-router.ts';
export {
  type CacheMetrics,
  cacheMetrics,
  type HttpMetrics,
  httpMetrics,
  LATENCY_BUCKETS,
  metricsHandler,
  poolMetrics,
  processMetrics,
  Registry,
} from './metrics.ts';
export { Readiness, type ReadinessOptions, type ReadinessState } from './readiness.ts';
export { acceptRequestId, requestIdOf, requestLog } from './request-log.ts';
export { mountRouter, rawPathLabel, routeLabel, UNMATCHED } from './route-label.ts';
