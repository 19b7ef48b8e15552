import { describe, expect, it } from 'vitest';
import { startCluster } from '../src/cluster.ts';
import { cpuHeavy } from '../src/cpu-job.ts';
import { forkMap } from '../src/processes.ts';

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

  it('refuses a bad process count or work size', async () => {
    await expect(forkMap([1], { processes: 0 })).rejects.toThrow(RangeError);
    await expect(forkMap([-1], { processes: 1 })).rejects.toThrow(RangeError);
  });

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
});
