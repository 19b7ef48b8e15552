import cluster, { type Worker } from 'node:cluster';
import { freePort } from '@lab/common/services';
import { tsxExecArgv, workerPath } from '@lab/common/workers';

const clusterWorkerFile = workerPath(new URL('./_cluster-worker.ts', import.meta.url));

/** A running cluster: one loopback port, several processes behind it. */
export interface RunningCluster {
  url: string;
  /** Process ids of the workers. */
  pids: number[];
  /** Disconnects every worker and waits for it to exit. */
  close(): Promise<void>;
}

/**
 * Forks `workers` processes that all listen on one loopback port — the shape of `gunicorn -w N` or
 * uvicorn's `--workers`. The primary accepts connections and deals them out round-robin (Node's default
 * everywhere but Windows). Each worker is a full Node process: nothing in memory is shared, so sessions,
 * caches and rate-limit counters must live in Redis or the database.
 */
export async function startCluster(workers: number): Promise<RunningCluster> {
  if (!cluster.isPrimary) throw new Error('startCluster must be called from the primary process');
  if (!Number.isInteger(workers) || workers < 1 || workers > 16)
    throw new RangeError(`workers must be an integer from 1 to 16, got ${workers}`);
  cluster.setupPrimary({ exec: clusterWorkerFile, execArgv: tsxExecArgv(), silent: false });
  // A port chosen here, not 0: the primary shares one socket per address and port, so workers of two
  // clusters started from this process that all asked for port 0 would silently merge into one.
  const port = await freePort();
  const forked: Worker[] = Array.from({ length: workers }, () =>
    cluster.fork({ LAB_CLUSTER_PORT: String(port) }),
  );
  await Promise.all(
    forked.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once('listening', () => resolve());
          worker.once('exit', (code) =>
            reject(new Error(`cluster worker exited with code ${code} before listening`)),
          );
        }),
    ),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    pids: forked.map((w) => w.process.pid ?? -1),
    close: async () => {
      await Promise.all(
        forked.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once('exit', () => resolve());
              worker.disconnect();
            }),
        ),
      );
    },
  };
}
