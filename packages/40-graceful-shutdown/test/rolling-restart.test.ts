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
});
