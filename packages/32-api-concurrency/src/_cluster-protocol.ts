/** The messages and options shared by `cluster.ts` (the primary) and `cluster-worker.ts`. */

export const WORKER_OPTIONS_ENV = 'LAB_CLUSTER_WORKER_OPTIONS';

export interface ClusterWorkerOptions {
  /** The loopback port every worker of this cluster listens on (chosen by the primary). */
  port: number;
  /** Piscina threads inside each worker; 0 for none (the /primes/pooled route then answers 503). */
  cpuThreads: number;
}

export interface ReadyMessage {
  type: 'ready';
  port: number;
  pid: number;
}

export function isReadyMessage(message: unknown): message is ReadyMessage {
  const m = message as Partial<ReadyMessage> | null;
  return m?.type === 'ready' && typeof m.port === 'number' && typeof m.pid === 'number';
}

export function parseWorkerOptions(raw: string | undefined): ClusterWorkerOptions {
  const { port = -1, cpuThreads = 0 } = JSON.parse(raw ?? '{}') as Partial<ClusterWorkerOptions>;
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new RangeError(`port must be 1-65535: ${port}`);
  if (!Number.isInteger(cpuThreads) || cpuThreads < 0)
    throw new RangeError(`cpuThreads must be ≥ 0: ${cpuThreads}`);
  return { port, cpuThreads };
}
