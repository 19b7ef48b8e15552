import { processAlive } from '@lab/common/workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCluster } from '../src/cluster.ts';
import { cpuHeavy } from '../src/cpu-job.ts';
import { forkMap } from '../src/processes.ts';

const refused = (message: string) => ({ name: 'RangeError', message });
/** Every Node this process starts from now on runs this first, and exits with code 7 before its entry file. */
const childrenExitAtStart = () => vi.stubEnv('NODE_OPTIONS', '--import=data:text/javascript,process.exit(7)');

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('child processes: the multiprocessing analogue', () => {
  it('maps work over child processes and returns results in input order', async () => {
    const sizes = [1_000_000, 10, 3_000_000, 0, 250_000];
    const result = await forkMap(sizes, { processes: 2 });
    expect(result.checksums).toEqual(sizes.map(cpuHeavy));
    expect(new Set(result.pids).size).toBe(2);
    expect(result.pids).not.toContain(process.pid);
  });

  it('starts no more processes than there are inputs', async () => {
    const result = await forkMap([5, 6], { processes: 8 });
    expect(result.pids).toHaveLength(2);
    expect(result.checksums).toEqual([cpuHeavy(5), cpuHeavy(6)]);
  });

  it('refuses a bad process count or work size, naming it, before forking', async () => {
    for (const processes of [0, 65, 1.5])
      await expect(forkMap([1], { processes })).rejects.toMatchObject(
        refused(`processes must be an integer from 1 to 64, got ${processes}`),
      );
    // 1 and 64 processes pass their check: what refuses these is the work size.
    for (const processes of [1, 64])
      await expect(forkMap([-1], { processes })).rejects.toMatchObject(
        refused('work size must be an integer from 0 to 2000000000, got -1'),
      );
  });

  it('rejects, instead of waiting forever, when a child exits without replying', async () => {
    childrenExitAtStart();
    await expect(forkMap([1, 2], { processes: 2 })).rejects.toThrow(
      'child process exited with code 7 before replying',
    );
  });
});

describe('node:cluster: several processes behind one port', () => {
  it('serves one port from several cluster workers, dealt round-robin', async () => {
    const cluster = await startCluster(2);
    try {
      const answered: number[] = [];
      // One at a time: each request opens a new connection (the worker closes it), so the primary deals
      // each to the next free worker in turn.
      for (let i = 0; i < 4; i++) {
        const response = await fetch(cluster.url);
        answered.push(((await response.json()) as { pid: number }).pid);
      }
      for (const pid of answered) expect(cluster.pids).toContain(pid);
      expect(new Set(answered).size).toBe(2);
      expect(answered).not.toContain(process.pid);
    } finally {
      await cluster.close();
    }
  });

  it('answers every request from its only worker, in JSON, and close() ends that process', async () => {
    const cluster = await startCluster(1);
    try {
      expect(cluster.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cluster.pids).toHaveLength(1);
      for (let i = 0; i < 2; i++) {
        const response = await fetch(cluster.url);
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(await response.json()).toEqual({ pid: cluster.pids[0] });
      }
    } finally {
      await cluster.close();
    }
    expect(cluster.pids.filter(processAlive)).toEqual([]);
    // Closing again finds every worker already gone, and returns.
    await cluster.close();
  });

  it('rejects, instead of waiting forever, when a worker exits before it listens', async () => {
    childrenExitAtStart();
    await expect(startCluster(1)).rejects.toThrow('cluster worker exited with code 7 before listening');
  });

  it('refuses a worker count outside 1..16 before forking any', async () => {
    for (const workers of [0, 17, 1.5]) {
      const started = startCluster(workers);
      // Had one started anyway, it is closed here, so a broken check leaves no processes behind.
      await started.then(
        (cluster) => cluster.close(),
        () => {},
      );
      await expect(started).rejects.toMatchObject(
        refused(`workers must be an integer from 1 to 16, got ${workers}`),
      );
    }
  });
});
