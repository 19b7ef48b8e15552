export { BackgroundTasks, type BackgroundTasksOptions } from './after-response.ts';
export { type BackoffOptions, backoffDelay } from './backoff.ts';
export { type BullmqReports, type BullmqReportsOptions, createBullmqReports } from './bullmq-reports.ts';
export { JOB_STATUSES, type JobState, type JobStatus, parseJobHash, type ReservedJob } from './job.ts';
export {
  describeError,
  type EnqueueOptions,
  type EnqueueOutcome,
  type EnqueueResult,
  type FailOutcome,
  type MaintenanceResult,
  type QueueCounts,
  type QueueOptions,
  RedisQueue,
} from './queue.ts';
export {
  createReportHandler,
  type Report,
  type ReportRequest,
  type ReportSink,
  renderReport,
  reportRequest,
  reportSink,
} from './report.ts';
export { createReportsApp, type ReportsAppOptions } from './reports-app.ts';
export { type ThroughputRun, timeBullmq, timeOurs } from './throughput.ts';
export {
  type HandlerContext,
  type JobHandler,
  QueueWorker,
  type WorkerEvent,
  type WorkerOptions,
} from './worker.ts';
export { forkReportWorker, type WorkerProcess } from './worker-process.ts';
export {
  type FromWorker,
  settingsFromEnv,
  type ToWorker,
  type WorkerProcessSettings,
} from './worker-protocol.ts';
