// Stryker disable all: runs only in the node:cluster workers startRollingCluster forks, where Stryker records no coverage and so runs no test against its mutants; its behaviour is asserted through test/rolling-restart.test.ts (each worker listens, drains on `shutdown` and exits 0; no request fails a graceful restart, SIGKILL fails some)
/**
 * One worker of the rolling-restart cluster (started by `startRollingCluster` through `node:cluster`). It
 * serves the demo app on the shared port and shuts down with the lifecycle when the primary says
 * `shutdown` or a signal arrives.
 */
import { createServer } from 'node:http';
import { createDemoApp } from './demo-app.ts';
import { createLifecycle } from './lifecycle.ts';
import { PendingWork } from './pending-work.ts';
import { exitOnSignals } from './signals.ts';

const port = Number(process.env.CLUSTER_PORT);
const graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);

const server = createServer();
const work = new PendingWork(() => {});
const lifecycle = createLifecycle({ server, graceMs, drain: { 'background work': () => work.drain() } });
server.on('request', createDemoApp({ lifecycle, work, latch: () => new Promise(() => {}) }));

const exitAfterReport = (code: number) => {
  if (!process.send || !process.connected) process.exit(code);
  process.send({ type: 'exiting', code }, () => process.exit(code));
};
exitOnSignals(lifecycle, { exit: exitAfterReport });
process.on('message', (message: { type?: string }) => {
  if (message.type === 'shutdown')
    void lifecycle.shutdown('rolling restart').then((r) => exitAfterReport(r.code));
});
// A port it cannot bind is reported to the primary (which fails the start with the reason), not thrown.
server.once('error', (error) => {
  if (!process.send || !process.connected) process.exit(1);
  process.send({ type: 'failed', reason: error.message }, () => process.exit(1));
});
server.listen(port, '127.0.0.1', () => process.send?.({ type: 'listening', pid: process.pid }));
