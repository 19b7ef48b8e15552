import cluster, { type Worker } from 'node:cluster';
import { freePort } from '@lab/common/services';
import { tsxExecArgv, workerPath } from '@lab/common/workers';
import {
  type ClusterWorkerOptions,
  isReadyMessage,
  parseWorkerOptions,
  WORKER_OPTIONS_ENV,
} from './_cluster-protocol.ts';

/** How many workers to fork and how long to wait for them. */
export interface ClusterOptions {
  /** Worker processes to fork; one per core is the usual choice for a CPU-bound API. */
  workers: number;
  /** Piscina threads inside each worker (default 0). */
  cpuThreads?: number;
  /** Give up if the workers are not all listening by then (default 20 s: a loaded CI box is slow to fork). */
  startTimeoutMs?: number;
  /** Time a worker gets to close its server and exit before it is killed (default 5 s). */
  stopTimeoutMs?: number;
}

/** How one worker ended when the cluster was stopped. */
export interface WorkerExit {
  pid: number;
  code: number | null;
  signal: string | null;
  /** False when the worker had to be killed after `stopTimeoutMs`. */
  graceful: boolean;
}

/** A started cluster: where it listens, who its workers are, how to stop it. */
export interface RunningCluster {
  /** `http://127.0.0.1:<port>`: one port, whichever worker answers. */
  url: string;
  port: number;
  pids: number[];
  /** Asks every worker to close its server and exit; kills the ones that have not after the timeout. */
  stop(): Promise<WorkerExit[]>;
}

/**
 * Forks `workers` processes running the API on one shared loopback port, from this (primary) process.
 * On Linux the primary accepts each connection and passes it to the next worker (round-robin).
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const { workers: count, cpuThreads = 0, startTimeoutMs = 20_000, stopTimeoutMs = 5_000 } = options;
  if (!cluster.isPrimary) throw new Error('startCluster() must be called from the primary process');
  if (!Number.isInteger(count) || count < 1 || count > 16)
    throw new RangeError(`workers must be 1-16: ${count}`);
  // Not port 0: the primary keys shared sockets by address and port, so every worker of this process that
  // listens on port 0 gets the same socket, and two clusters started from one primary would silently merge.
  // Checked here with the worker's own parser, so a bad value is a RangeError now, not a worker crash later.
  const workerOptions: ClusterWorkerOptions = parseWorkerOptions(
    JSON.stringify({ port: await freePort(), cpuThreads }),
  );
  cluster.setupPrimary({
    exec: workerPath(new URL('./cluster-worker.ts', import.meta.url)),
    execArgv: tsxExecArgv(),
  });
  const workers = Array.from({ length: count }, () =>
    cluster.fork({ [WORKER_OPTIONS_ENV]: JSON.stringify(workerOptions) }),
  );
  const stop = () => stopWorkers(workers, stopTimeoutMs);
  try {
    const ready = await Promise.all(workers.map((w) => readyOrFail(w, startTimeoutMs)));
    const ports = new Set(ready.map((r) => r.port));
    if (ports.size !== 1 || !ports.has(workerOptions.port))
      throw new Error(`workers listen on ${[...ports].join(', ')}, not on ${workerOptions.port}`);
    const { port } = workerOptions;
    return { url: `http://127.0.0.1:${port}`, port, pids: ready.map((r) => r.pid), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function readyOrFail(worker: Worker, timeoutMs: number): Promise<{ port: number; pid: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`worker did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message: unknown) => {
      if (isReadyMessage(message)) finish(undefined, message);
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`worker exited before listening (code ${code}, signal ${signal})`));
    function finish(error?: Error, ready?: { port: number; pid: number }) {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      if (error) reject(error);
      else if (ready) resolve({ port: ready.port, pid: ready.pid });
    }
    worker.on('message', onMessage);
    worker.on('exit', onExit);
  });
}

function stopWorkers(workers: Worker[], timeoutMs: number): Promise<WorkerExit[]> {
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise<WorkerExit>((resolve) => {
          const pid = worker.process.pid ?? -1;
          if (worker.isDead()) {
            resolve({
              pid,
              code: worker.process.exitCode,
              signal: worker.process.signalCode,
              graceful: true,
            });
            return;
          }
          let graceful = true;
          const timer = setTimeout(() => {
            graceful = false;
            worker.process.kill('SIGKILL');
          }, timeoutMs);
          worker.once('exit', (code: number | null, signal: string | null) => {
            clearTimeout(timer);
            resolve({ pid, code, signal, graceful });
          });
          if (worker.isConnected()) worker.send({ type: 'shutdown' });
          else worker.process.kill('SIGTERM');
        }),
    ),
  );
}
