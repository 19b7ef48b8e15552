export { createDemoApp, type DemoAppOptions } from './demo-app.ts';
export {
  backfillDisplayName,
  EXPAND_CONTRACT,
  type MigrationStep,
  usersV1,
  usersV2,
  usersV3,
  usersV4,
} from './expand-contract.ts';
export { healthRoutes } from './health.ts';
export { type KeepAliveLoadResult, keepAliveLoad } from './keep-alive-load.ts';
export {
  createLifecycle,
  type Lifecycle,
  type LifecycleEvent,
  type LifecycleOptions,
  type LifecycleState,
  type ShutdownReport,
} from './lifecycle.ts';
export { PendingWork } from './pending-work.ts';
export { type RestartUnderLoad, restartUnderLoad } from './restart-under-load.ts';
export {
  type ReplacedWorker,
  type ReplaceMode,
  type RollingCluster,
  type RollingClusterOptions,
  startRollingCluster,
} from './rolling-cluster.ts';
export { forkServer, type ServerProcess } from './server-process.ts';
export {
  type FromServer,
  type ServerSettings,
  serverSettingsFromEnv,
  type ToServer,
} from './server-protocol.ts';
export { exitOnSignals, type SignalOptions } from './signals.ts';
export type { User, UsersCode } from './users/code-version.ts';
