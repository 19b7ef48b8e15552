import { createServer } from 'node:http';
import { listen } from '@lab/common/http';
import { deferred } from '@lab/common/sync';
import { describe, expect, it } from 'vitest';
import { BackgroundTasks } from '../src/after-response.ts';

describe('BackgroundTasks: work after the response', () => {
  it('the client has its answer while the task is still running; drain waits for the task', async () => {
    const errors: unknown[] = [];
    const tasks = new BackgroundTasks({ onError: (e) => errors.push(e) });
    const release = deferred();
    const order: string[] = [];
    const server = await listen(
      createServer((_req, res) => {
        tasks.after(res, 'welcome-email', async () => {
          order.push('task started');
          await release.promise;
          order.push('task ended');
        });
        res.end('created');
      }),
    );
    try {
      const res = await fetch(server.url);
      order.push(`client got ${await res.text()}`);
      expect(tasks.pending).toBe(1);
      let drained = false;
      const draining = tasks.drain().then(() => {
        drained = true;
      });
      await Promise.resolve();
      expect(drained).toBe(false);
      release.resolve();
      await draining;
      expect(order).toEqual(['task started', 'client got created', 'task ended']);
      expect({ started: tasks.started, failed: tasks.failed, pending: tasks.pending }).toEqual({
        started: 1,
        failed: 0,
        pending: 0,
      });
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('a failing task is logged with its name and isolated: no unhandled rejection, the server keeps serving', async () => {
    const logged: Array<[string, string]> = [];
    const tasks = new BackgroundTasks({ onError: (e, name) => logged.push([name, (e as Error).message]) });
    const server = await listen(
      createServer((_req, res) => {
        tasks.after(res, 'analytics', () => {
          throw new Error('analytics is down');
        });
        tasks.after(res, 'cache-warm', async () => {
          throw new Error('cache is down');
        });
        res.end('ok');
      }),
    );
    try {
      expect((await fetch(server.url)).status).toBe(200);
      await tasks.drain();
      expect((await fetch(server.url)).status).toBe(200);
      await tasks.drain();
      expect(logged).toEqual([
        ['analytics', 'analytics is down'],
        ['cache-warm', 'cache is down'],
        ['analytics', 'analytics is down'],
        ['cache-warm', 'cache is down'],
      ]);
      expect(tasks.failed).toBe(4);
    } finally {
      await server.close();
    }
  });

  it('a response that never finished (the connection died) does not run its task', async () => {
    const tasks = new BackgroundTasks({ onError: () => {} });
    let ran = 0;
    const closed = deferred();
    const server = await listen(
      createServer((_req, res) => {
        tasks.after(res, 'never', () => {
          ran++;
        });
        res.once('close', () => closed.resolve());
        res.destroy();
      }),
    );
    try {
      await expect(fetch(server.url)).rejects.toThrow();
      await closed.promise;
      await tasks.drain();
      expect(ran).toBe(0);
      expect(tasks.skipped).toBe(1);
      expect(tasks.started).toBe(0);
    } finally {
      await server.close();
    }
  });
  it('a response that finished counts as run, not skipped, when its connection closes afterwards', async () => {
    const tasks = new BackgroundTasks({ onError: () => {} });
    const closed = deferred();
    const server = await listen(
      createServer((_req, res) => {
        tasks.after(res, 'noop', () => {});
        // Registered after the tasks' own 'close' listener, so this one runs after it.
        res.once('close', () => closed.resolve());
        res.end('ok');
      }),
    );
    try {
      expect(await (await fetch(server.url)).text()).toBe('ok');
      await closed.promise;
      await tasks.drain();
      expect({ started: tasks.started, skipped: tasks.skipped }).toEqual({ started: 1, skipped: 0 });
    } finally {
      await server.close();
    }
  });
});
