import nodeCluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepAliveLoad } from '../src/keep-alive-load.ts';
import { restartUnderLoad } from '../src/restart-under-load.ts';
import { type RollingCluster, startRollingCluster } from '../src/rolling-cluster.ts';

let cluster: RollingCluster;
beforeAll(async () => {
  cluster = await startRollingCluster({ workers: 2 });
}, 60_000);
afterAll(() => cluster?.stop(), 30_000);

describe('a rolling restart of cluster workers under load', () => {
  it('replaces every worker (new one listening first), each old one exits 0, no request fails (autocannon)', async () => {
    const before = cluster.pids();
    const run = await restartUnderLoad(cluster, 'graceful');
    expect(run.replaced.map((r) => r.oldPid)).toEqual(before);
    expect(run.replaced.map((r) => [r.code, r.signal])).toEqual([
      [0, null],
      [0, null],
    ]);
    expect(cluster.pids()).toEqual(run.replaced.map((r) => r.newPid));
    expect(cluster.pids().some((pid) => before.includes(pid))).toBe(false);
    expect(run.requests).toBeGreaterThan(0);
    expect(run.failed).toBe(0);
  }, 60_000);

  it('with a client that honours Connection: close, no request fails and connections are re-opened', async () => {
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const load = keepAliveLoad({ url: `${cluster.url}/fast`, connections: 6, stop: stopped });
    const replaced = await cluster.rollingRestart('graceful');
    stop();
    const result = await load;
    expect(replaced).toHaveLength(2);
    expect(result.failed).toBe(0);
    expect(result.non2xx).toBe(0);
    // Every connection that was on an old worker was closed by it and opened again.
    expect(result.connectionsOpened).toBeGreaterThan(6);
  }, 60_000);

  it('killing workers instead (SIGKILL) fails the requests they held', async () => {
    const run = await restartUnderLoad(cluster, 'kill');
    expect(run.replaced.map((r) => r.signal)).toEqual(['SIGKILL', 'SIGKILL']);
    expect(run.failed).toBeGreaterThan(0);
  }, 60_000);

  it('counts non-2xx answers as failed: every request to an unknown route is one', async () => {
    const run = await restartUnderLoad(cluster, 'graceful', { path: '/nowhere' });
    expect(run.requests).toBeGreaterThan(0);
    expect(run.failed).toBe(run.requests);
  }, 60_000);

  it('a new worker that dies at boot stops the restart; the old workers keep serving', async () => {
    const before = cluster.pids();
    const crash = (worker: Worker) => worker.process.kill('SIGKILL');
    nodeCluster.once('fork', crash);
    await expect(cluster.rollingRestart('graceful')).rejects.toThrow(
      /worker exited \(code null\) before listening/,
    );
    expect(cluster.pids()).toEqual(before);
    expect((await fetch(`${cluster.url}/fast`)).status).toBe(200);
  }, 60_000);

  it('halfway through, a crash at boot leaves the replaced worker and the old one not yet replaced', async () => {
    const before = cluster.pids();
    let forks = 0;
    const crashSecond = (worker: Worker) => {
      if (++forks === 2) worker.process.kill('SIGKILL');
    };
    nodeCluster.on('fork', crashSecond);
    try {
      await expect(cluster.rollingRestart('graceful')).rejects.toThrow(/before listening/);
    } finally {
      nodeCluster.off('fork', crashSecond);
    }
    const after = cluster.pids();
    expect(after).toHaveLength(2);
    expect(before).not.toContain(after[0]);
    expect(after[1]).toBe(before[1]);
    expect((await fetch(`${cluster.url}/fast`)).status).toBe(200);
  }, 60_000);

  it('reports a worker that died before the restart as it died, and replaces it too', async () => {
    const [first] = cluster.pids();
    const dead = Object.values(nodeCluster.workers ?? {}).find((w) => w?.process.pid === first);
    if (!dead) throw new Error(`no worker with pid ${first}`);
    const exited = new Promise((resolve) => dead.once('exit', resolve));
    dead.process.kill('SIGKILL');
    await exited;
    const replaced = await cluster.rollingRestart('graceful');
    expect(replaced[0]).toMatchObject({ oldPid: first, code: null, signal: 'SIGKILL' });
    expect(replaced[1]).toMatchObject({ code: 0, signal: null });
    expect(cluster.pids()).toEqual(replaced.map((r) => r.newPid));
  }, 60_000);
});

describe('starting a rolling cluster', () => {
  /** Every worker forked while `run` runs, to check none outlives a failed start. */
  async function forkedDuring(run: () => Promise<unknown>): Promise<{ error: unknown; forked: Worker[] }> {
    const forked: Worker[] = [];
    const record = (worker: Worker) => forked.push(worker);
    nodeCluster.on('fork', record);
    try {
      await run();
      return { error: undefined, forked };
    } catch (error) {
      return { error, forked };
    } finally {
      nodeCluster.off('fork', record);
    }
  }
  const gone = (w: Worker) => w.process.exitCode !== null || w.process.signalCode !== null;

  it.each([0, 9, 1.5, Number.NaN])('refuses %s workers before forking any', async (workers) => {
    const { error, forked } = await forkedDuring(() => startRollingCluster({ workers }));
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe(`workers must be 1-8, got ${workers}`);
    expect(forked).toEqual([]);
  });

  it('accepts the upper bound of 8 workers (here failing on the start timeout, not on the count)', async () => {
    const { error, forked } = await forkedDuring(() =>
      startRollingCluster({ workers: 8, startTimeoutMs: 1 }),
    );
    expect(error).not.toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe('worker did not listen within 1 ms');
    expect(forked).toHaveLength(8);
    expect(forked.every(gone)).toBe(true);
  }, 30_000);

  it('kills the workers that did start when another dies at boot', async () => {
    let forks = 0;
    const crashSecond = (worker: Worker) => {
      if (++forks === 2) worker.process.kill('SIGKILL');
    };
    nodeCluster.on('fork', crashSecond);
    try {
      const { error, forked } = await forkedDuring(() => startRollingCluster({ workers: 2 }));
      expect((error as Error).message).toBe('worker exited (code null) before listening');
      expect(forked).toHaveLength(2);
      expect(forked.every(gone)).toBe(true);
      expect(forked.map((w) => w.process.signalCode)).toEqual(['SIGKILL', 'SIGKILL']);
    } finally {
      nodeCluster.off('fork', crashSecond);
    }
  }, 60_000);

  it('fails when a worker is not listening in time, and kills the workers it forked', async () => {
    const { error, forked } = await forkedDuring(() =>
      startRollingCluster({ workers: 2, startTimeoutMs: 1 }),
    );
    expect((error as Error).message).toBe('worker did not listen within 1 ms');
    expect(forked).toHaveLength(2);
    expect(forked.every(gone)).toBe(true);
  }, 30_000);

  it('fails with the reason when the port is taken, and leaves no worker behind', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const port = (squatter.address() as { port: number }).port;
    try {
      const { error, forked } = await forkedDuring(() => startRollingCluster({ workers: 2, port }));
      expect((error as Error).message).toBe(`worker could not listen: bind EADDRINUSE 127.0.0.1:${port}`);
      expect(forked).toHaveLength(2);
      expect(forked.every(gone)).toBe(true);
    } finally {
      squatter.close();
    }
  }, 60_000);

  it('serves on the port it is given, and stop() leaves no worker and no pid', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    let pidsWhileUp: number[] = [];
    const { forked, error } = await forkedDuring(async () => {
      const one = await startRollingCluster({ workers: 1, port });
      pidsWhileUp = one.pids();
      expect(one.url).toBe(`http://127.0.0.1:${port}`);
      expect(one.port).toBe(port);
      expect((await fetch(`${one.url}/fast`)).status).toBe(200);
      await one.stop();
      expect(one.pids()).toEqual([]);
    });
    expect(error).toBeUndefined();
    expect(forked).toHaveLength(1);
    expect(pidsWhileUp).toEqual(forked.map((w) => w.process.pid));
    expect(forked.every(gone)).toBe(true);
    expect(forked[0]?.process.exitCode).toBe(0);
  }, 60_000);
});
