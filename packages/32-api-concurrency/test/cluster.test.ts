import { processAlive } from '@lab/common/workers';
import { describe, expect, it } from 'vitest';
import { httpGet, startCluster } from '../src/index.ts';

// Forking a worker starts Node and tsx from scratch: slow on a busy machine, so allow well beyond the default.
describe('node:cluster', { timeout: 90_000 }, () => {
  it('forks two workers that share one port, answers from both, and stops them cleanly', async () => {
    const cluster = await startCluster({ workers: 2 });
    let exits: Awaited<ReturnType<typeof cluster.stop>> = [];
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
    } finally {
      exits = await cluster.stop();
    }
    expect(exits.map((e) => ({ code: e.code, graceful: e.graceful }))).toEqual([
      { code: 0, graceful: true },
      { code: 0, graceful: true },
    ]);
    expect(cluster.pids.filter(processAlive)).toEqual([]);
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
  });
});
