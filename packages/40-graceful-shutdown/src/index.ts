export { createDemoApp, type DemoAppOptions } from './demo-app.ts';
export { healthRoutes } from './health.ts';
export {
  createLifecycle,
  type Lifecycle,
  type LifecycleEvent,
  type LifecycleOptions,
  type LifecycleState,
  type ShutdownReport,
} from './lifecycle.ts';
export { PendingWork } from './pending-work.ts';
export { forkServer, type ServerProcess } from './server-process.ts';
export {
  type FromServer,
  type ServerSettings,
  serverSettingsFromEnv,
  type ToServer,
} from './server-protocol.ts';
export { exitOnSignals, type SignalOptions } from './signals.ts';
