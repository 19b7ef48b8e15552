import { loopTurnsDuring } from '@lab/common/measure';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertWorkSize, cpuHeavy, MAX_WORK } from '../src/cpu-job.ts';
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

  it('computes a fixed checksum of n, the same on a pool thread as here', async () => {
    // 0 rounds leave the FNV-style starting state, 0x811c9dc5; every round mixes its index in.
    expect(cpuHeavy(0)).toBe(0x811c9dc5);
    expect(cpuHeavy(1)).toBe(84_702_589);
    expect(cpuHeavy(2)).toBe(1_855_948_499);
    expect(cpuHeavy(1_000_000)).toBe(4_117_108_011);
    expect((await pool.run(1_000_000)).checksum).toBe(4_117_108_011);
  });

  it('gives the same checksum whatever the partition size', async () => {
    const whole = cpuHeavy(1_234_567);
    for (const chunk of [7_000, 100_000, 1_234_566, 1_234_567, 5_000_000]) {
      expect(await cpuHeavyPartitioned(1_234_567, chunk)).toBe(whole);
    }
    expect(await cpuHeavyPartitioned(5, 1)).toBe(cpuHeavy(5));
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

  it('yields to the loop between slices only: 4 slices give timers 3 turns, one slice none', async () => {
    expect(await loopTurnsDuring(() => cpuHeavyPartitioned(1_000_000, 250_000))).toBe(3);
    expect(await loopTurnsDuring(() => cpuHeavyPartitioned(1_000_001, 250_000))).toBe(4);
    expect(await loopTurnsDuring(() => cpuHeavyPartitioned(250_000, 250_000))).toBe(0);
    expect(await loopTurnsDuring(() => cpuHeavyPartitioned(0, 250_000))).toBe(0);
  });

  it('refuses bad work sizes with a RangeError that says what it got', async () => {
    expect(() => cpuHeavy(-1)).toThrow(RangeError);
    expect(() => cpuHeavy(1.5)).toThrow(/integer/);
    expect(() => assertWorkSize(MAX_WORK + 1)).toThrow(
      new RangeError(`work size must be an integer from 0 to ${MAX_WORK}, got ${MAX_WORK + 1}`),
    );
    expect(() => assertWorkSize('10')).toThrow('work size must be an integer from 0 to 2000000000, got 10');
    // The bounds themselves are work sizes (MAX_WORK only checked: running it takes seconds).
    expect(() => assertWorkSize(MAX_WORK)).not.toThrow();
    expect(() => assertWorkSize(0)).not.toThrow();
    await expect(cpuHeavyPartitioned(10, 0)).rejects.toThrow(
      new RangeError('chunk must be a positive integer, got 0'),
    );
    await expect(countTicksDuring(() => 1, 0)).rejects.toThrow(
      new RangeError('intervalMs must be at least 1, got 0'),
    );
    await expect(countTicksDuring(() => 1, Number.NaN)).rejects.toThrow('got NaN');
  });
});

describe('countTicksDuring, on a fake clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts every tick that fires while the work is pending, every 2 ms by default', async () => {
    vi.useFakeTimers();
    const { result, ticks } = await countTicksDuring(async () => {
      await vi.advanceTimersByTimeAsync(11);
      return 'done';
    });
    expect({ result, ticks }).toEqual({ result: 'done', ticks: 5 });
    // The interval is gone once the work is over: nothing is left to fire.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('accepts a 1 ms interval, the shortest Node honours', async () => {
    vi.useFakeTimers();
    const { ticks } = await countTicksDuring(() => vi.advanceTimersByTimeAsync(3), 1);
    expect(ticks).toBe(3);
  });

  it('stops its timer when the work throws, and passes the error on', async () => {
    vi.useFakeTimers();
    await expect(
      countTicksDuring(() => {
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(vi.getTimerCount()).toBe(0);
  });
});
