import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raceOnSharedCounter } from '../src/shared-counter.ts';
import { IsolateProbe } from '../src/structured-clone.ts';

describe('SharedArrayBuffer and Atomics', () => {
  it('reaches exactly workers × increments with Atomics.add', async () => {
    const race = await raceOnSharedCounter({ workers: 4, increments: 200_000, atomic: true });
    expect(race.total).toBe(800_000);
    expect(race.lost).toBe(0);
  });

  it('never exceeds the expected total with plain read-modify-write (it may lose updates; not asserted)', async () => {
    const race = await raceOnSharedCounter({ workers: 2, increments: 200_000, atomic: false });
    expect(race.expected).toBe(400_000);
    // How many are lost is up to the scheduler (in theory the total can fall as low as 2), so only the
    // bounds are checked: something was written, and nothing was invented.
    expect(race.total).toBeGreaterThan(0);
    expect(race.total).toBeLessThanOrEqual(race.expected);
    expect(race.lost).toBe(race.expected - race.total);
  });

  it('refuses bad sizes', async () => {
    await expect(raceOnSharedCounter({ workers: 0, increments: 1, atomic: true })).rejects.toThrow(
      RangeError,
    );
    await expect(raceOnSharedCounter({ workers: 2, increments: -1, atomic: true })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('structured clone across the isolate boundary', () => {
  let probe: IsolateProbe;
  beforeAll(() => {
    probe = new IsolateProbe();
  });
  afterAll(() => probe.close());

  it('drops class prototypes but keeps Map, Set, Date and Error', async () => {
    class Point {
      constructor(readonly x: number) {}
    }
    expect(await probe.describe(new Point(1))).toBe('Object');
    expect(await probe.describe(new Map([[1, 2]]))).toBe('Map');
    expect(await probe.describe(new Set([1]))).toBe('Set');
    expect(await probe.describe(new Date(0))).toBe('Date');
    expect(await probe.describe(new RangeError('x'))).toBe('RangeError');
  });

  it('refuses to send a function, in the sender, with DataCloneError', async () => {
    await expect(probe.describe({ onDone: () => 1 })).rejects.toMatchObject({ name: 'DataCloneError' });
  });

  it('copies an object: the worker changes its copy, ours stays as it was', async () => {
    const mine = { count: 0 };
    expect(await probe.bump(mine)).toBe(1);
    expect(await probe.bump(mine)).toBe(1);
    expect(mine.count).toBe(0);
  });

  it('shares a SharedArrayBuffer: the worker’s write is visible here', async () => {
    const shared = new Int32Array(new SharedArrayBuffer(4));
    expect(await probe.bump(shared)).toBe(1);
    expect(await probe.bump(shared)).toBe(2);
    expect(Atomics.load(shared, 0)).toBe(2);
  });

  it('moves a transferred ArrayBuffer: the sender’s copy is detached', async () => {
    const buffer = new ArrayBuffer(1024);
    expect(await probe.describe(buffer, [buffer])).toBe('ArrayBuffer');
    expect(buffer.byteLength).toBe(0);
    const kept = new ArrayBuffer(1024);
    await probe.describe(kept);
    expect(kept.byteLength).toBe(1024);
  });
});
