import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CounterRace, raceOnSharedCounter } from '../src/shared-counter.ts';
import { IsolateProbe } from '../src/structured-clone.ts';

// Whether one run of the plain loop loses an update is up to the scheduler: the workers' start is aligned
// by a barrier, but on a busy machine one may finish before the other gets a core. So the plain race is
// retried, within a bound, until it loses one; at 2 × 2M increments nearly every run does, idle or loaded.
const RACE = { workers: 2, increments: 2_000_000 } as const;
const MAX_ATTEMPTS = 10;

describe('SharedArrayBuffer and Atomics', () => {
  it('reaches exactly workers × increments with Atomics.add', async () => {
    const race = await raceOnSharedCounter({ workers: 4, increments: 200_000, atomic: true });
    expect(race.total).toBe(800_000);
    expect(race.lost).toBe(0);
  });

  it('loses updates with a plain read-modify-write, where Atomics.add in the same race loses none', async () => {
    const plain: CounterRace[] = [];
    while (plain.length < MAX_ATTEMPTS && !plain.some((race) => race.lost > 0))
      plain.push(await raceOnSharedCounter({ ...RACE, atomic: false }));
    const losing = plain.find((race) => race.lost > 0);
    expect(losing, `no update lost in ${MAX_ATTEMPTS} races of 2 × 2M plain increments`).toBeDefined();
    if (!losing) return;
    expect(losing.expected).toBe(4_000_000);
    expect(losing.total).toBeLessThan(losing.expected);
    // Every write stores a count some worker read and bumped: whatever is lost, the counter never goes
    // back to 0 and never passes what was added.
    expect(losing.total).toBeGreaterThan(0);
    expect(losing.lost).toBe(losing.expected - losing.total);
    // As many atomic races as it took to see a plain one lose: none of them may lose a single update.
    const atomicTotals: number[] = [];
    for (const _ of plain) atomicTotals.push((await raceOnSharedCounter({ ...RACE, atomic: true })).total);
    expect(atomicTotals).toEqual(plain.map(() => 4_000_000));
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
