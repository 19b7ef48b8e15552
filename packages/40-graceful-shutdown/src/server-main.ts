// Stryker disable all: runs only in the child process forkServer starts, where Stryker records no coverage and so runs no test against its mutants; its behaviour is asserted through test/shutdown-process.test.ts (readiness 503 first, drain, background work waited for, grace timeout exit 1, second signal 143, Ctrl-C twice 130)
/**
 * The demo service as a process: `node --import tsx src/server-main.ts`. It listens on a free loopback
 * port, reports over IPC, and shuts down gracefully on SIGTERM/SIGINT (a second signal exits at once).
 * This file is the composition root: the one place that calls `process.exit`.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createDemoApp } from './demo-app.ts';
import { createLifecycle, type Lifecycle } from './lifecycle.ts';
import { PendingWork } from './pending-work.ts';
import { type FromServer, serverSettingsFromEnv, type ToServer } from './server-protocol.ts';
import { exitOnSignals } from './signals.ts';

const settings = serverSettingsFromEnv(process.env);
const tell = (message: FromServer) => process.send?.(message);

const released = new Set<string>();
const waiting = new Map<string, Array<() => void>>();
const latch = (id: string) =>
  released.has(id)
    ? Promise.resolve()
    : new Promise<void>((resolve) => waiting.set(id, [...(waiting.get(id) ?? []), resolve]));
let proceed: () => void = () => {};
const proceeded = new Promise<void>((resolve) => {
  proceed = resolve;
});
process.on('message', (message: ToServer) => {
  if (message.type === 'proceed') proceed();
  if (message.type === 'release') {
    released.add(message.id);
    for (const resolve of waiting.get(message.id) ?? []) resolve();
    waiting.delete(message.id);
  }
});

// Real pools, so the shutdown has real connections to close.
const pools: Record<string, () => Promise<void>> = {};
if (settings.databaseUrl) {
  const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 2 });
  await pool.query('SELECT 1');
  pools.postgres = () => pool.end();
}
if (settings.redisUrl) {
  const redis = new Redis(settings.redisUrl);
  await redis.ping();
  pools.redis = async () => {
    await redis.quit();
  };
}

const work = new PendingWork(() => {});
const server = createServer();
const lifecycle: Lifecycle = createLifecycle({
  server,
  graceMs: settings.graceMs,
  drain: { 'background work': () => work.drain() },
  closePools: pools,
  ...(settings.holdBeforeClose ? { beforeClose: () => proceeded } : {}),
  onEvent: (event) => tell({ type: 'lifecycle', event }),
});
server.on(
  'request',
  createDemoApp({ lifecycle, work, latch, onStarted: (id) => tell({ type: 'started', id }) }),
);
server.listen(0, '127.0.0.1');
await once(server, 'listening');

exitOnSignals(lifecycle, {
  onReport: (report) => tell({ type: 'report', report }),
  // process.exit right after process.send can drop the message: exit once the last one is written
  // (IPC keeps order, so every earlier message is out too).
  exit: (code) => {
    if (!process.send || !process.connected) process.exit(code);
    process.send({ type: 'exiting', code } satisfies FromServer, () => process.exit(code));
  },
});
tell({ type: 'ready', port: (server.address() as AddressInfo).port, pid: process.pid });
