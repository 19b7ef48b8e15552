export type { CpuTask, CpuTaskResult } from './_cpu-worker.ts';
export { type RunningCluster, startCluster } from './cluster.ts';
export { assertWorkSize, cpuHeavy, MAX_WORK } from './cpu-job.ts';
export { CpuPool, type CpuPoolOptions, cpuWorkerFile } from './cpu-pool.ts';
export {
  DEFAULT_THREADPOOL_SIZE,
  hashBlocking,
  hashOnThreadpool,
  runWithThreadpoolSize,
  type ThreadpoolReport,
  type ThreadpoolRequest,
} from './libuv-threadpool.ts';
export { parallelLimit, speedupBound } from './parallelism.ts';
export { cpuHeavyPartitioned } from './partition.ts';
export { type ForkMapResult, forkMap } from './processes.ts';
export { type CounterRace, raceOnSharedCounter } from './shared-counter.ts';
export {
  type BatchResult,
  runInFreshWorkers,
  runInPool,
  runPromiseAll,
  runSequential,
} from './strategies.ts';
export { IsolateProbe } from './structured-clone.ts';
export { countTicksDuring, type TickCount } from './tick-counter.ts';
