import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raceUntilLost } from '../src/race-until-lost.ts';
import { raceOnSharedCounter } from '../src/shared-counter.ts';
import { IsolateProbe } from '../src/structured-clone.ts';

// Whether one run of the plain loop loses an update is up to the scheduler: the workers' start is aligned
// by a barrier, but on a busy machine one may finish before the other gets a core. So the plain race is
// retried, within a bound, until it loses one; at 2 × 2M increments nearly every run does, idle or loaded.
const RACE = { workers: 2, increments: 2_000_000 } as const;
const MAX_ATTEMPTS = 10;
const refused = (message: string) => ({ name: 'RangeError', message });

describe('SharedArrayBuffer and Atomics', () => {
  it('reaches exactly workers × increments with Atomics.add', async () => {
    const race = await raceOnSharedCounter({ workers: 4, increments: 200_000, atomic: true });
    expect(race.total).toBe(800_000);
    expect(race.lost).toBe(0);
  });

  it('loses updates with a plain read-modify-write, where Atomics.add in the same race loses none', async () => {
    const { races, losing } = await raceUntilLost({ ...RACE, maxAttempts: MAX_ATTEMPTS });
    expect(losing, `no update lost in ${MAX_ATTEMPTS} races of 2 × 2M plain increments`).toBeDefined();
    if (!losing) return;
    // It stops at the first race that lost one: that is the last it ran, and every race before lost none.
    expect(races.at(-1)).toBe(losing);
    expect(races.slice(0, -1).map((race) => race.lost)).toEqual(races.slice(0, -1).map(() => 0));
    expect(losing).toMatchObject({ workers: 2, increments: 2_000_000, atomic: false, expected: 4_000_000 });
    expect(losing.total).toBeLessThan(losing.expected);
    // Every write stores a count some worker read and bumped: whatever is lost, the counter never goes
    // back to 0 and never passes what was added.
    expect(losing.total).toBeGreaterThan(0);
    expect(losing.lost).toBe(losing.expected - losing.total);
    // As many atomic races as it took to see a plain one lose: none of them may lose a single update.
    const atomicTotals: number[] = [];
    for (const _ of races) atomicTotals.push((await raceOnSharedCounter({ ...RACE, atomic: true })).total);
    expect(atomicTotals).toEqual(races.map(() => 4_000_000));
  });

  it('retries up to its bound and then says no race lost an update (one worker alone never does)', async () => {
    const { races, losing } = await raceUntilLost({ workers: 1, increments: 1_000, maxAttempts: 3 });
    expect(losing).toBeUndefined();
    const alone = { workers: 1, increments: 1_000, atomic: false, expected: 1_000, total: 1_000, lost: 0 };
    expect(races).toEqual([alone, alone, alone]);
  });

  it('runs the edge sizes, 0 and 100,000,000 increments, and one worker alone loses nothing', async () => {
    for (const increments of [0, 100_000_000])
      expect(await raceOnSharedCounter({ workers: 1, increments, atomic: false })).toEqual({
        workers: 1,
        increments,
        atomic: false,
        expected: increments,
        total: increments,
        lost: 0,
      });
  });

  it('refuses sizes outside its bounds before starting a worker, naming the bad one', async () => {
    for (const workers of [0, 65, 1.5])
      await expect(raceOnSharedCounter({ workers, increments: 1, atomic: true })).rejects.toMatchObject(
        refused(`workers must be an integer from 1 to 64, got ${workers}`),
      );
    for (const increments of [-1, 100_000_001, 0.5])
      await expect(raceOnSharedCounter({ workers: 2, increments, atomic: true })).rejects.toMatchObject(
        refused(`increments must be an integer from 0 to 100,000,000, got ${increments}`),
      );
    // 64 workers pass their check: what refuses this race is its increments.
    await expect(raceOnSharedCounter({ workers: 64, increments: -1, atomic: true })).rejects.toMatchObject(
      refused('increments must be an integer from 0 to 100,000,000, got -1'),
    );
  });

  it('refuses a retry bound outside 1..100 before running any race', async () => {
    for (const maxAttempts of [0, 101, 2.5])
      await expect(raceUntilLost({ workers: 2, increments: 1, maxAttempts })).rejects.toMatchObject(
        refused(`maxAttempts must be an integer from 1 to 100, got ${maxAttempts}`),
      );
    // 1 and 100 pass the bound: what refuses these is the first race's own check of its workers.
    for (const maxAttempts of [1, 100])
      await expect(raceUntilLost({ workers: 0, increments: 1, maxAttempts })).rejects.toMatchObject(
        refused('workers must be an integer from 1 to 64, got 0'),
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

  it('sends null and primitives as they are, and rebuilds even a null-prototype object as a plain Object', async () => {
    expect(await probe.describe(null)).toBe('null');
    expect(await probe.describe(undefined)).toBe('undefined');
    expect(await probe.describe(42)).toBe('number');
    expect(await probe.describe('text')).toBe('string');
    expect(await probe.describe(Object.create(null))).toBe('Object');
  });

  it('rejects with the worker’s own message when the worker cannot do what was asked, and keeps answering', async () => {
    const notACounter = { count: '1' } as unknown as { count: number };
    await expect(probe.bump(notACounter)).rejects.toThrow('bump expects { count: number } or an Int32Array');
    expect(await probe.bump({ count: 41 })).toBe(42);
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
