export { Activity, type ActivitySnapshot } from './activity.ts';
export { type Api, type AppDeps, createApp, MAX_SLEEP_MS } from './app.ts';
export {
  type ClusterOptions,
  type RunningCluster,
  startCluster,
  type WorkerExit,
} from './cluster.ts';
export { countPrimes, MAX_PRIME_LIMIT } from './cpu.ts';
export { type CpuPool, type CpuPoolOptions, createCpuPool } from './cpu-pool.ts';
export type { PrimeResult, PrimeTask } from './cpu-task.ts';
export { classifyPgError, createDb, type Db, type DbLimits, DEFAULT_DB_LIMITS, wrapPool } from './db.ts';
export {
  BadRequestError,
  type Dependency,
  DependencyBusyError,
  DependencyTimeoutError,
  DependencyUnavailableError,
  UpstreamBadResponseError,
} from './errors.ts';
export { Latch, waitAtLatch } from './latch.ts';
export {
  type ConnectionBudget,
  type ConnectionBudgetInput,
  connectionBudget,
  gunicornWorkers,
  readServerLimits,
} from './pool-sizing.ts';
export {
  type CheapWhileCpuOptions,
  type CheapWhileCpuResult,
  cheapWhileCpu,
  type GetOptions,
  type HttpAnswer,
  httpGet,
  keepBusy,
  type LatencyOptions,
  latencySamples,
  throughput,
} from './probe.ts';
export { notFound, type Problem, type ProblemResponse, problemHandler, toProblem } from './problem.ts';
export { fetchUpstreamJson, type UpstreamOptions } from './upstream.ts';
