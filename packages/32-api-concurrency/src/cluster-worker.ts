// Stryker disable all: runs only in the node:cluster workers startCluster forks, where Stryker records no coverage and so runs no test against its mutants; its behaviour is asserted through test/cluster.test.ts (two workers share one port and both answer, two clusters stay apart, the piscina route answers inside a worker, every worker stops cleanly on shutdown)
/**
 * The entry point of one `node:cluster` worker process (internal: `startCluster()` forks it). Each worker
 * has its own event loop, heap and CPU pool; they share one listening port, whose connections the primary
 * hands out round-robin.
 */
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { type ClusterWorkerOptions, parseWorkerOptions, WORKER_OPTIONS_ENV } from './_cluster-protocol.ts';
import { createApp } from './app.ts';
import { createCpuPool } from './cpu-pool.ts';

if (!cluster.isWorker) throw new Error('cluster-worker.ts is started by startCluster(), as a cluster worker');

const options: ClusterWorkerOptions = parseWorkerOptions(process.env[WORKER_OPTIONS_ENV]);
const cpu = options.cpuThreads > 0 ? createCpuPool({ threads: options.cpuThreads, maxQueue: 64 }) : undefined;
await cpu?.warm();
const { app } = createApp(cpu ? { cpu } : {});
// The primary owns the listening socket for this port and hands connections to its workers.
const server = app.listen(options.port, '127.0.0.1');
server.once('listening', () => {
  process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port, pid: process.pid });
});

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  await cpu?.close();
  // Closing the IPC channel is what lets this process exit: nothing else keeps the loop alive now.
  if (process.connected) process.disconnect();
}

process.on('message', (message: unknown) => {
  if ((message as { type?: unknown } | null)?.type === 'shutdown') void shutdown();
});
