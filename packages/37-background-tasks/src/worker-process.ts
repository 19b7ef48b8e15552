import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { tsxExecArgv } from '@lab/common/workers';
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
  const child = fork(WORKER_MAIN, [], {
    execArgv: tsxExecArgv(),
    env: {
      ...process.env,
      REDIS_URL: settings.redisUrl,
      QUEUE_PREFIX: settings.prefix,
      VISIBILITY_TIMEOUT_MS: String(settings.visibilityTimeoutMs ?? 30_000),
      WORKER_CONCURRENCY: String(settings.concurrency ?? 1),
      WORKER_HOLD: settings.hold ?? 'none',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: FromWorker[] = [];
  // Every pending next() waits here; any message or the exit wakes them all to look again.
  const wakers = new Set<() => void>();
  const wake = () => {
    for (const w of [...wakers]) w();
    wakers.clear();
  };
  child.on('message', (message: FromWorker) => {
    messages.push(message);
    wake();
  });
  const exit = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  let exited = false;
  void exit.then(() => {
    exited = true;
    wake();
  });
  const next = async <T extends FromWorker['type']>(type: T) => {
    while (true) {
      const found = messages.find((m) => m.type === type);
      if (found) return found as Extract<FromWorker, { type: T }>;
      if (exited) throw new Error(`the worker process exited before saying ${type}`);
      await new Promise<void>((resolve) => {
        wakers.add(resolve);
      });
    }
  };
  const worker: WorkerProcess = { child, messages, next, send: (m) => child.send(m), exit };
  await worker.next('ready');
  return worker;
}
