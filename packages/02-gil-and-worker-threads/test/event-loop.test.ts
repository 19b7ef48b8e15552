import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpuHeavy } from '../src/cpu-job.ts';
import { CpuPool } from '../src/cpu-pool.ts';
import { cpuHeavyPartitioned } from '../src/partition.ts';
import { countTicksDuring } from '../src/tick-counter.ts';

// ~80 ms of work alone, several times that on a loaded machine: either way far longer than a 2 ms tick.
const N = 50_000_000;

describe('one JavaScript thread per isolate', () => {
  let pool: CpuPool;
  beforeAll(async () => {
    pool = new CpuPool({ threads: 2 });
    await pool.meet();
  });
  afterAll(() => pool.close());

  it('fires zero timer ticks while a synchronous job runs on the main thread', async () => {
    const { result, ticks } = await countTicksDuring(() => cpuHeavy(N));
    expect(ticks).toBe(0);
    expect(result).toBe(cpuHeavy(N));
  });

  it('keeps firing ticks while the same job runs in the piscina pool, with the identical result', async () => {
    const onMain = cpuHeavy(N);
    const { result, ticks } = await countTicksDuring(() => pool.run(N));
    expect(ticks).toBeGreaterThan(0);
    expect(result.checksum).toBe(onMain);
  });

  it('lets ticks through when the job is partitioned with setImmediate, still on this thread', async () => {
    const { result, ticks } = await countTicksDuring(() => cpuHeavyPartitioned(N, 1_000_000));
    expect(ticks).toBeGreaterThan(0);
    expect(result).toBe(cpuHeavy(N));
  });

  it('gives the same checksum whatever the partition size', async () => {
    const whole = cpuHeavy(1_234_567);
    for (const chunk of [7_000, 100_000, 1_234_566, 1_234_567, 5_000_000]) {
      expect(await cpuHeavyPartitioned(1_234_567, chunk)).toBe(whole);
    }
    expect(await cpuHeavyPartitioned(0)).toBe(cpuHeavy(0));
  });

  it('does not count ticks from a job that yields only through microtasks', async () => {
    // A promise chain never lets timers run: microtasks drain before the loop moves on.
    const { ticks } = await countTicksDuring(async () => {
      let total = 0;
      for (let i = 0; i < 20; i++) total += await Promise.resolve(cpuHeavy(2_000_000));
      return total;
    });
    expect(ticks).toBe(0);
  });

  it('refuses bad work sizes with a RangeError', async () => {
    expect(() => cpuHeavy(-1)).toThrow(RangeError);
    expect(() => cpuHeavy(1.5)).toThrow(/integer/);
    await expect(cpuHeavyPartitioned(10, 0)).rejects.toThrow(RangeError);
    await expect(countTicksDuring(() => 1, 0)).rejects.toThrow(RangeError);
  });
});
