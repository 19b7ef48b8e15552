import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { forkTs } from '@lab/common/workers';
import type { FromWorker, ToWorker, WorkerProcessSettings } from './worker-protocol.ts';

const WORKER_MAIN = fileURLToPath(new URL('./worker-main.ts', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  /** Every message so far, in order. */
  messages: FromWorker[];
  /** The first message of this type, already received or still to come; rejects if the process exits first. */
  next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>>;
  send(message: ToWorker): void;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `worker-main.ts` as a child process (tsx loaded: nothing compiles the `.ts` for a child) and
 * resolves once it says `ready`. How a supervisor, the tests and the demo run a worker in its own process.
 */
export async function forkReportWorker(
  settings: Partial<WorkerProcessSettings> & Pick<WorkerProcessSettings, 'redisUrl' | 'prefix'>,
): Promise<WorkerProcess> {
  const { child, messages, next, send, exit } = forkTs<ToWorker, FromWorker>(WORKER_MAIN, {
    env: {
      ...process.env,
      REDIS_URL: settings.redisUrl,
      QUEUE_PREFIX: settings.prefix,
      VISIBILITY_TIMEOUT_MS: String(settings.visibilityTimeoutMs ?? 30_000),
      WORKER_CONCURRENCY: String(settings.concurrency ?? 1),
      WORKER_HOLD: settings.hold ?? 'none',
    },
  });
  const worker: WorkerProcess = {
    child,
    messages,
    next: <T extends FromWorker['type']>(type: T) =>
      next((m) => m.type === type).then(
        (m) => m as Extract<FromWorker, { type: T }>,
        () => Promise.reject(new Error(`the worker process exited before saying ${type}`)),
      ),
    send,
    exit,
  };
  await worker.next('ready');
  return worker;
}
