import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import { freePort } from '@lab/common/services';
import { tsxExecArgv, workerPath } from '@lab/common/workers';

/** How an old worker is taken out during a restart. */
export type ReplaceMode =
  /** `shutdown` message → the worker's lifecycle: stop accepting, Connection: close, drain, exit 0. */
  | 'graceful'
  /** SIGKILL: what a crash, an OOM kill or a deploy without a shutdown handler does to requests in flight. */
  | 'kill';

export interface ReplacedWorker {
  oldPid: number;
  newPid: number;
  code: number | null;
  signal: string | null;
}

export interface RollingCluster {
  url: string;
  port: number;
  pids(): number[];
  /**
   * Replaces every worker, one at a time: fork the new one, wait until it listens, then take out the old
   * one (`mode`) and wait for its exit. At no moment does the port have fewer than `workers` listeners
   * before the old one stops accepting.
   */
  rollingRestart(mode?: ReplaceMode): Promise<ReplacedWorker[]>;
  stop(): Promise<void>;
}

export interface RollingClusterOptions {
  workers: number;
  /** The workers' shutdown grace timeout. Default 10 s. */
  graceMs?: number;
  /** A worker that is not listening by then fails the start (forking with tsx is slow on a busy box). */
  startTimeoutMs?: number;
  /** The loopback port to share. Default: a free one. */
  port?: number;
}

function listening(worker: Worker, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`worker did not listen within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message: { type?: string; pid?: number; reason?: string }) => {
      if (message.type === 'listening') done(undefined, message.pid);
      else if (message.type === 'failed') done(new Error(`worker could not listen: ${message.reason}`));
    };
    const onExit = (code: number | null) => done(new Error(`worker exited (code ${code}) before listening`));
    function done(error?: Error, pid?: number) {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      if (error) reject(error);
      else resolve(pid ?? -1);
    }
    worker.on('message', onMessage);
    worker.on('exit', onExit);
  });
}

/**
 * A `node:cluster` primary in this process with `workers` processes on one loopback port. On Linux the
 * primary accepts every connection and hands it to a worker in turn; a worker whose server has closed
 * gets no new ones, which is what lets an old worker drain while the new one takes the traffic.
 */
export async function startRollingCluster(options: RollingClusterOptions): Promise<RollingCluster> {
  if (!cluster.isPrimary) throw new Error('startRollingCluster() runs in the primary process');
  const { workers: count, graceMs = 10_000, startTimeoutMs = 30_000 } = options;
  if (!Number.isInteger(count) || count < 1 || count > 8)
    throw new RangeError(`workers must be 1-8, got ${count}`);
  const port = options.port ?? (await freePort());
  cluster.setupPrimary({
    exec: workerPath(new URL('./cluster-worker.ts', import.meta.url)),
    execArgv: tsxExecArgv(),
  });
  const env = { CLUSTER_PORT: String(port), SHUTDOWN_GRACE_MS: String(graceMs) };
  const takeOut = async (worker: Worker, mode: ReplaceMode) => {
    if (worker.process.exitCode !== null || worker.process.signalCode !== null)
      return { code: worker.process.exitCode, signal: worker.process.signalCode };
    const exited = once(worker, 'exit') as Promise<[number | null, string | null]>;
    if (mode === 'kill') worker.process.kill('SIGKILL');
    else worker.send({ type: 'shutdown' });
    const [code, signal] = await exited;
    return { code, signal };
  };
  // A worker that failed to start is killed, not left behind holding a share of the port.
  const forkListening = async () => {
    const worker = cluster.fork(env);
    try {
      await listening(worker, startTimeoutMs);
    } catch (error) {
      await takeOut(worker, 'kill');
      throw error;
    }
    return worker;
  };
  const started = await Promise.allSettled(Array.from({ length: count }, forkListening));
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  let current = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (failure) {
    await Promise.all(current.map((w) => takeOut(w, 'kill')));
    throw failure.reason;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pids: () => current.map((w) => w.process.pid ?? -1),
    async rollingRestart(mode = 'graceful') {
      const replaced: ReplacedWorker[] = [];
      const next: Worker[] = [];
      for (const [i, old] of current.entries()) {
        let fresh: Worker;
        try {
          fresh = await forkListening();
        } catch (error) {
          // The old workers not yet replaced keep serving beside the new ones: stop() still reaches all.
          current = [...next, ...current.slice(i)];
          throw error;
        }
        next.push(fresh);
        const { code, signal } = await takeOut(old, mode);
        replaced.push({ oldPid: old.process.pid ?? -1, newPid: fresh.process.pid ?? -1, code, signal });
      }
      current = next;
      return replaced;
    },
    async stop() {
      await Promise.all(current.map((w) => takeOut(w, 'graceful')));
      current = [];
    },
  };
}
