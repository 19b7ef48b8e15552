/**
 * The demo service in its own process, shut down with real signals. Every step waits on what the server
 * reports over IPC (draining, stopped-listening, started) or on a latch the test releases: no sleeps.
 */
import { testPostgres } from '@lab/common/testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../src/lifecycle.ts';
import { forkServer, type ServerProcess } from '../src/server-process.ts';
import type { FromServer } from '../src/server-protocol.ts';
import { RawConnection, tryConnect } from './_http.ts';

const started: ServerProcess[] = [];
let databaseUrl = '';
beforeAll(async () => {
  // testPostgres points DATABASE_URL at the lab's PostgreSQL; the child gets its own pool on it.
  const pool = await testPostgres(import.meta.url);
  await pool.end();
  databaseUrl = String(process.env.DATABASE_URL);
});
afterEach(() => {
  for (const s of started.splice(0))
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
});

async function start(
  settings: Parameters<typeof forkServer>[0] = {},
): Promise<ServerProcess & { port: number }> {
  const server = await forkServer(settings);
  started.push(server);
  return Object.assign(server, { port: Number(new URL(server.url).port) });
}

const reportOf = async (server: ServerProcess) => {
  const message = await server.next((m) => m.type === 'report');
  if (message.type !== 'report') throw new Error('unreachable');
  return message.report;
};
const eventTypes = (events: LifecycleEvent[]) =>
  events.map((e) => ('name' in e ? `${e.type}:${e.name}` : e.type));
const startedId = (id: string) => (m: FromServer) => m.type === 'started' && m.id === id;

describe('SIGTERM on a running service', () => {
  it('readiness turns 503 first; the listener closes; a slow request finishes with 200 and Connection: close; exit 0', async () => {
    const server = await start({
      holdBeforeClose: true,
      databaseUrl,
      redisUrl: String(process.env.REDIS_URL),
    });
    const slowConnection = await RawConnection.open(server.port);
    const slow = slowConnection.get('/slow/a');
    await server.next(startedId('a'));

    server.child.kill('SIGTERM');
    await server.event('draining');
    // Still listening (the load balancer's grace), but no longer ready.
    const probe = await RawConnection.open(server.port);
    const ready = await probe.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ code: 'shutting_down', status: 503 });
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.headers.connection).toBe('close');
    await probe.closed;

    server.send({ type: 'proceed' });
    await server.event('stopped-listening');
    expect(await tryConnect(server.port)).toBe('ECONNREFUSED');

    server.send({ type: 'release', id: 'a' });
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, id: 'a' });
    expect(answer.headers.connection).toBe('close');
    await slowConnection.closed;

    expect(await server.exit).toEqual({ code: 0, signal: null });
    const report = await reportOf(server);
    expect(report).toMatchObject({ reason: 'SIGTERM', code: 0, forced: false, cutRequests: 0 });
    expect(eventTypes(report.events)).toEqual([
      'draining',
      'stopped-listening',
      'http-drained',
      'drained:background work',
      'closed:postgres',
      'closed:redis',
    ]);
    expect(report.events[0]).toEqual({ type: 'draining', reason: 'SIGTERM', inFlight: 1 });
  });

  it('an idle keep-alive socket does not hold the exit: the server closes it', async () => {
    const server = await start();
    const idle = await RawConnection.open(server.port);
    const first = await idle.get('/fast');
    expect(first.status).toBe(200);
    expect(first.headers.connection).toBe('keep-alive');
    server.child.kill('SIGTERM');
    await idle.closed;
    expect(await server.exit).toEqual({ code: 0, signal: null });
    expect((await reportOf(server)).forced).toBe(false);
  });

  it('a request arriving on an open keep-alive socket while draining is answered with Connection: close', async () => {
    const server = await start({ holdBeforeClose: true });
    const kept = await RawConnection.open(server.port);
    expect((await kept.get('/fast')).headers.connection).toBe('keep-alive');
    server.child.kill('SIGTERM');
    await server.event('draining');
    const during = await kept.get('/fast');
    expect(during.status).toBe(200);
    expect(during.headers.connection).toBe('close');
    await kept.closed;
    server.send({ type: 'proceed' });
    expect((await server.exit).code).toBe(0);
  });

  it('background work a request started is waited for after HTTP has drained', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/work/w1`, { method: 'POST' });
    expect(res.status).toBe(202);
    await server.next(startedId('work:w1'));
    server.child.kill('SIGTERM');
    await server.event('http-drained');
    expect(server.messages.some((m) => m.type === 'lifecycle' && m.event.type === 'drained')).toBe(false);
    expect(server.child.exitCode).toBeNull();
    server.send({ type: 'release', id: 'work:w1' });
    expect((await server.exit).code).toBe(0);
    expect(eventTypes((await reportOf(server)).events)).toEqual([
      'draining',
      'stopped-listening',
      'http-drained',
      'drained:background work',
    ]);
  });
});

describe('what does not finish', () => {
  it('a hanging request is cut when the grace timeout runs out: exit 1, forced, 1 request cut', async () => {
    const server = await start({ graceMs: 300 });
    const hanging = await RawConnection.open(server.port);
    const answer = hanging.get('/hang');
    await server.next(startedId('hang'));
    server.child.kill('SIGTERM');
    await expect(answer).rejects.toThrow(/closed the connection/);
    expect(await server.exit).toEqual({ code: 1, signal: null });
    const report = await reportOf(server);
    expect(report).toMatchObject({ code: 1, forced: true, cutRequests: 1 });
    expect(eventTypes(report.events)).toEqual(['draining', 'stopped-listening', 'forced']);
  });

  it('a second SIGTERM exits at once with 143 (128 + 15), without waiting for the grace timeout', async () => {
    const server = await start({ graceMs: 60_000 });
    const hanging = await RawConnection.open(server.port);
    void hanging.get('/hang').catch(() => {});
    await server.next(startedId('hang'));
    server.child.kill('SIGTERM');
    await server.event('stopped-listening');
    server.child.kill('SIGTERM');
    expect(await server.exit).toEqual({ code: 143, signal: null });
    expect(server.messages.some((m) => m.type === 'report')).toBe(false);
  });

  it('SIGINT twice (Ctrl-C, Ctrl-C) exits with 130', async () => {
    const server = await start({ graceMs: 60_000 });
    const hanging = await RawConnection.open(server.port);
    void hanging.get('/hang').catch(() => {});
    await server.next(startedId('hang'));
    server.child.kill('SIGINT');
    await server.event('stopped-listening');
    server.child.kill('SIGINT');
    expect(await server.exit).toEqual({ code: 130, signal: null });
  });
});
