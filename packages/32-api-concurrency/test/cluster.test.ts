import nodeCluster, { type Worker } from 'node:cluster';
import { processAlive } from '@lab/common/workers';
import { afterEach, describe, expect, it } from 'vitest';
import { httpGet, startCluster } from '../src/index.ts';

/** Every worker this file forks, seen from the primary (this process), so a test can check none outlives it. */
const forked: Worker[] = [];
nodeCluster.on('fork', (worker: Worker) => forked.push(worker));
afterEach(() => {
  forked.length = 0;
});

// Forking a worker starts Node and tsx from scratch: slow on a busy machine, so allow well beyond the default.
describe('node:cluster', { timeout: 90_000 }, () => {
  it('forks two workers that share one port, answers from both, and stops them cleanly', async () => {
    const cluster = await startCluster({ workers: 2 });
    let exits: Awaited<ReturnType<typeof cluster.stop>> = [];
    let afterStart: number[][] = [];
    try {
      expect(cluster.pids).toHaveLength(2);
      expect(new Set(cluster.pids).size).toBe(2);
      expect(cluster.pids).not.toContain(process.pid);

      // A new connection per request: the primary hands each connection to the next worker in turn.
      const answered: number[] = [];
      for (let i = 0; i < 10; i++) {
        const answer = await httpGet(`${cluster.url}/ping`, { fresh: true });
        answered.push((answer.json as { pid: number }).pid);
      }
      expect(answered.every((pid) => cluster.pids.includes(pid))).toBe(true);
      expect(new Set(answered).size).toBe(2);
      afterStart = forked.map((w) => [w.listenerCount('message'), w.listenerCount('exit')]);
    } finally {
      exits = await cluster.stop();
    }
    expect(exits.map((e) => ({ code: e.code, graceful: e.graceful }))).toEqual([
      { code: 0, graceful: true },
      { code: 0, graceful: true },
    ]);
    expect(cluster.pids.filter(processAlive)).toEqual([]);
    expect(exits.map((e) => e.pid)).toEqual(cluster.pids);
    // Start-up listened for each worker's ready message and early exit, then stopped listening: what is
    // left is node:cluster's own 'message' listener (it re-emits on cluster.on('message')) and no 'exit' one.
    expect(afterStart).toEqual([
      [1, 0],
      [1, 0],
    ]);
    // Stopping again finds every worker already gone and reports how each ended, without waiting.
    expect(await cluster.stop()).toEqual(exits);
  });

  it('kills a worker that has not exited within stopTimeoutMs and says it was not graceful', async () => {
    // A 0 ms budget: the kill timer fires before the worker can even read the shutdown message.
    const cluster = await startCluster({ workers: 1, stopTimeoutMs: 0 });
    const exits = await cluster.stop();
    expect(exits).toEqual([{ pid: cluster.pids[0], code: null, signal: 'SIGKILL', graceful: false }]);
    expect(cluster.pids.filter(processAlive)).toEqual([]);
  });

  it('signals a worker whose IPC channel is already closed instead of sending it a message it cannot get', async () => {
    const cluster = await startCluster({ workers: 1 });
    const [worker] = forked;
    // Closing the channel from this side: the worker is still running but can receive no shutdown message.
    worker?.process.disconnect();
    expect(worker?.isConnected()).toBe(false);
    // Sending on the closed channel would surface here as ERR_IPC_CHANNEL_CLOSED.
    const errors: unknown[] = [];
    worker?.on('error', (error) => errors.push(error));
    const exits = await cluster.stop();
    expect(errors).toEqual([]);
    expect(exits.map((e) => ({ pid: e.pid, graceful: e.graceful }))).toEqual([
      { pid: cluster.pids[0], graceful: true },
    ]);
    expect(cluster.pids.filter(processAlive)).toEqual([]);
  });

  it('fails to start, and kills what it forked, when the workers are not listening in time', async () => {
    await expect(startCluster({ workers: 1, startTimeoutMs: 1, stopTimeoutMs: 0 })).rejects.toThrow(
      'worker did not start within 1 ms',
    );
    expect(forked).toHaveLength(1);
    expect(forked.filter((w) => !w.isDead())).toEqual([]);
  });

  it('fails to start, and says how, when a worker exits before it listens', async () => {
    // A worker that dies at boot (here: killed as it forks) fails the start with how it ended.
    nodeCluster.once('fork', (worker: Worker) => worker.process.kill('SIGKILL'));
    await expect(startCluster({ workers: 1 })).rejects.toThrow(
      'worker exited before listening (code null, signal SIGKILL)',
    );
    expect(forked.filter((w) => !w.isDead())).toEqual([]);
  });

  it.each([-1, 1.5])('refuses cpuThreads %s before forking any worker', async (cpuThreads) => {
    await expect(startCluster({ workers: 1, cpuThreads })).rejects.toThrow(
      new RangeError(`cpuThreads must be ≥ 0: ${cpuThreads}`),
    );
    expect(forked).toEqual([]);
  });

  it('keeps two clusters of one primary apart: each has its own port and only its own workers answer', async () => {
    const [a, b] = await Promise.all([startCluster({ workers: 1 }), startCluster({ workers: 1 })]);
    try {
      expect(a.port).not.toBe(b.port);
      for (const cluster of [a, b]) {
        const pids = new Set<number>();
        for (let i = 0; i < 4; i++)
          pids.add(((await httpGet(`${cluster.url}/ping`, { fresh: true })).json as { pid: number }).pid);
        expect([...pids]).toEqual(cluster.pids);
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('runs the piscina route inside a worker process too', async () => {
    const cluster = await startCluster({ workers: 1, cpuThreads: 1 });
    try {
      const answer = await httpGet(`${cluster.url}/primes/pooled?limit=100000`);
      expect(answer.json).toMatchObject({ primes: 9592, mode: 'pooled', pid: cluster.pids[0] });
    } finally {
      await cluster.stop();
    }
  });

  it('refuses a worker count outside 1-16', async () => {
    await expect(startCluster({ workers: 0 })).rejects.toThrow(RangeError);
    await expect(startCluster({ workers: 1.5 })).rejects.toThrow(RangeError);
    // Short deadlines: were 17 accepted, its workers would be killed at once instead of booting.
    await expect(startCluster({ workers: 17, startTimeoutMs: 1, stopTimeoutMs: 0 })).rejects.toThrow(
      new RangeError('workers must be 1-16: 17'),
    );
    expect(forked).toEqual([]);
  });

  it('accepts 16 workers, the upper bound', async () => {
    // Past the bound check it forks all 16; a 1 ms start deadline then fails the start and kills them at
    // once, so the bound is checked without booting 16 processes.
    await expect(startCluster({ workers: 16, startTimeoutMs: 1, stopTimeoutMs: 0 })).rejects.toThrow(
      'worker did not start within 1 ms',
    );
    expect(forked).toHaveLength(16);
    expect(forked.filter((w) => !w.isDead())).toEqual([]);
  });
});
