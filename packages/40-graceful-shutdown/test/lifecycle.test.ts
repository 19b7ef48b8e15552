import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import { listen } from '@lab/common/http';
import { problemViolations } from '@lab/common/problem';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { healthRoutes } from '../src/health.ts';
import { createLifecycle, type LifecycleEvent } from '../src/lifecycle.ts';
import { PendingWork } from '../src/pending-work.ts';
import { serverSettingsFromEnv } from '../src/server-protocol.ts';
import { exitOnSignals } from '../src/signals.ts';

const names = (events: LifecycleEvent[]) => events.map((e) => ('name' in e ? `${e.type}:${e.name}` : e.type));

async function listening() {
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('createLifecycle', () => {
  it('goes running → draining → stopped; readiness turns false at once; a second shutdown() is the same one', async () => {
    const server = await listening();
    const lifecycle = createLifecycle({ server });
    expect([lifecycle.state, lifecycle.isReady()]).toEqual(['running', true]);
    const first = lifecycle.shutdown('test');
    expect([lifecycle.state, lifecycle.isReady()]).toEqual(['draining', false]);
    expect(lifecycle.shutdown('again')).toBe(first);
    const report = await first;
    expect(lifecycle.state).toBe('stopped');
    expect(report).toMatchObject({ reason: 'test', code: 0, forced: false, cutRequests: 0 });
    expect(server.listening).toBe(false);
  });

  it('runs the drain hooks after HTTP, then closes the pools in order', async () => {
    const order: string[] = [];
    const server = await listening();
    const lifecycle = createLifecycle({
      server,
      drain: {
        jobs: async () => {
          order.push('jobs');
        },
        emails: async () => {
          order.push('emails');
        },
      },
      closePools: {
        postgres: async () => {
          order.push('postgres');
        },
        redis: async () => {
          order.push('redis');
        },
      },
    });
    const report = await lifecycle.shutdown('test');
    expect(order).toEqual(['jobs', 'emails', 'postgres', 'redis']);
    expect(names(report.events)).toEqual([
      'draining',
      'stopped-listening',
      'http-drained',
      'drained:jobs',
      'drained:emails',
      'closed:postgres',
      'closed:redis',
    ]);
  });

  it('a pool that fails or hangs is reported, the others still close, and the code is 1', async () => {
    const server = await listening();
    const closed: string[] = [];
    const lifecycle = createLifecycle({
      server,
      poolCloseMs: 20,
      closePools: {
        broken: async () => {
          throw new Error('already closed');
        },
        stuck: () => new Promise<void>(() => {}),
        redis: async () => {
          closed.push('redis');
        },
      },
    });
    const report = await lifecycle.shutdown('test');
    expect(report.code).toBe(1);
    expect(report.forced).toBe(false);
    expect(closed).toEqual(['redis']);
    expect(report.events.slice(-3)).toEqual([
      { type: 'close-failed', name: 'broken', error: 'already closed' },
      { type: 'close-failed', name: 'stuck', error: 'did not close within 20 ms' },
      { type: 'closed', name: 'redis' },
    ]);
  });

  it('background work that outlasts the grace timeout is cut: forced, code 1, no drained event', async () => {
    const server = await listening();
    const lifecycle = createLifecycle({ server, graceMs: 20, drain: { never: () => new Promise(() => {}) } });
    const report = await lifecycle.shutdown('test');
    expect(report).toMatchObject({ code: 1, forced: true, cutRequests: 0 });
    expect(names(report.events)).toEqual(['draining', 'stopped-listening', 'http-drained', 'forced']);
  });

  it('beforeClose runs after readiness turned false and before the listener closes', async () => {
    const server = await listening();
    const seen: Array<[boolean, boolean]> = [];
    const lifecycle = createLifecycle({
      server,
      beforeClose: async () => {
        seen.push([lifecycle.isReady(), server.listening]);
      },
    });
    await lifecycle.shutdown('test');
    expect(seen).toEqual([[false, true]]);
  });
});

describe('Connection: close', () => {
  it('is set on a response in flight even when the handler answers in the same tick as shutdown()', async () => {
    let respond: () => void = () => {};
    let arrived: () => void = () => {};
    const inHandler = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const server = createServer((_req, res) => {
      respond = () => res.end('done');
      arrived();
    });
    const lifecycle = createLifecycle({ server });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const answer = fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
    await inHandler;
    expect(lifecycle.inFlight).toBe(1);
    const report = lifecycle.shutdown('test');
    respond();
    const res = await answer;
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.text()).toBe('done');
    expect((await report).code).toBe(0);
    expect(lifecycle.inFlight).toBe(0);
  });
});

describe('exitOnSignals', () => {
  it('first signal: graceful shutdown, then exit with its code; second: 128 + the signal number', async () => {
    const server = await listening();
    const lifecycle = createLifecycle({ server, drain: { hold: () => new Promise(() => {}) }, graceMs: 50 });
    const target = new EventEmitter();
    const exits: number[] = [];
    exitOnSignals(lifecycle, {
      exit: (code) => exits.push(code),
      target: target as unknown as NodeJS.Process,
    });
    target.emit('SIGTERM', 'SIGTERM');
    expect(lifecycle.state).toBe('draining');
    target.emit('SIGTERM', 'SIGTERM');
    target.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([143, 130]);
  });

  it('exits with the report code once the shutdown is done, and reports it first', async () => {
    const server = await listening();
    const lifecycle = createLifecycle({ server });
    const target = new EventEmitter();
    const seen: string[] = [];
    const exited = new Promise<number>((resolve) => {
      exitOnSignals(lifecycle, {
        exit: resolve,
        onReport: (report) => seen.push(report.reason),
        target: target as unknown as NodeJS.Process,
      });
    });
    target.emit('SIGINT', 'SIGINT');
    expect(await exited).toBe(0);
    expect(seen).toEqual(['SIGINT']);
  });

  it('the uninstaller removes its listeners', async () => {
    const lifecycle = createLifecycle({ server: await listening() });
    const target = new EventEmitter();
    const off = exitOnSignals(lifecycle, { exit: () => {}, target: target as unknown as NodeJS.Process });
    expect([target.listenerCount('SIGTERM'), target.listenerCount('SIGINT')]).toEqual([1, 1]);
    off();
    expect([target.listenerCount('SIGTERM'), target.listenerCount('SIGINT')]).toEqual([0, 0]);
    await lifecycle.shutdown('cleanup');
  });
});

describe('health probes', () => {
  it('liveness stays 200; readiness is 200, then 503 shutting_down with Retry-After once draining', async () => {
    let release: () => void = () => {};
    const lifecycle = createLifecycle({
      server: await listening(),
      beforeClose: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    });
    const app = express().use(healthRoutes(lifecycle));
    const probes = await listen(app);
    try {
      expect((await fetch(`${probes.url}/health/ready`)).status).toBe(200);
      void lifecycle.shutdown('test');
      const ready = await fetch(`${probes.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('1');
      const body = (await ready.json()) as Record<string, unknown>;
      expect(problemViolations(body, 503)).toEqual([]);
      expect(body.code).toBe('shutting_down');
      expect(await (await fetch(`${probes.url}/health/live`)).json()).toEqual({ status: 'alive' });
    } finally {
      release();
      await lifecycle.shutdown('test');
      await probes.close();
    }
  });
});

describe('PendingWork', () => {
  it('catches sync throws and rejections alike, and drain waits for work started while draining', async () => {
    const errors: string[] = [];
    const work = new PendingWork((e) => errors.push((e as Error).message));
    work.start(() => {
      throw new Error('sync');
    });
    let release: () => void = () => {};
    work.start(async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      work.start(async () => {
        throw new Error('nested');
      });
    });
    expect(work.size).toBe(2);
    const drained = work.drain();
    release();
    await drained;
    expect(work.size).toBe(0);
    expect(errors).toEqual(['sync', 'nested']);
  });
});

describe('serverSettingsFromEnv', () => {
  it('reads defaults, the hold flag and the URLs; refuses a grace that is not a positive number', () => {
    expect(serverSettingsFromEnv({})).toEqual({ graceMs: 10_000, holdBeforeClose: false });
    expect(
      serverSettingsFromEnv({ SHUTDOWN_GRACE_MS: '250', HOLD_BEFORE_CLOSE: '1', REDIS_URL: 'redis://x' }),
    ).toEqual({ graceMs: 250, holdBeforeClose: true, redisUrl: 'redis://x' });
    for (const bad of ['0', '-5', 'soon'])
      expect(() => serverSettingsFromEnv({ SHUTDOWN_GRACE_MS: bad })).toThrow();
  });
});
