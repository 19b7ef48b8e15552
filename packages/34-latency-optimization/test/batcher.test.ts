import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import { Batcher, type BatchSchedule } from '../src/batcher.ts';

/** A batch function that records every batch it receives and answers `key * 10`. */
function recorder() {
  const batches: number[][] = [];
  const fn = async (keys: readonly number[]) => {
    batches.push([...keys]);
    return keys.map((k) => k * 10);
  };
  return { batches, fn };
}

/** `depth` awaits on already-settled promises: what a resolver does before it gets to `load()`. */
async function afterAwaits(depth: number): Promise<void> {
  for (let i = 0; i < depth; i++) await Promise.resolve();
}

describe('Batcher', () => {
  it('collects the loads of one tick into one batch, in call order', async () => {
    const { batches, fn } = recorder();
    const batcher = new Batcher(fn);
    const values = await Promise.all([3, 1, 2].map((k) => batcher.load(k)));
    expect(values).toEqual([30, 10, 20]);
    expect(batches).toEqual([[3, 1, 2]]);
  });

  it('sends a repeated key once and gives every caller its value', async () => {
    const { batches, fn } = recorder();
    const batcher = new Batcher(fn);
    expect(await batcher.loadMany([5, 5, 6, 5])).toEqual([50, 50, 60, 50]);
    expect(batches).toEqual([[5, 6]]);
  });

  it('loads in a later tick make a new batch (no cache between batches)', async () => {
    const { batches, fn } = recorder();
    const batcher = new Batcher(fn);
    await batcher.load(1);
    await batcher.load(1);
    expect(batches).toEqual([[1], [1]]);
    expect(batcher.batches).toBe(2);
  });

  it('splits a batch at maxBatchSize', async () => {
    const { batches, fn } = recorder();
    const batcher = new Batcher(fn, { maxBatchSize: 100 });
    await batcher.loadMany(Array.from({ length: 250 }, (_, i) => i));
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
  });

  it('a batch of exactly maxBatchSize × n keys makes n calls (no empty call after the last)', async () => {
    const { batches, fn } = recorder();
    const batcher = new Batcher(fn, { maxBatchSize: 2 });
    expect(await batcher.loadMany([1, 2, 3, 4])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(batcher.batches).toBe(2);
  });

  it('maxBatchSize 1 is allowed: one call per key', async () => {
    const { batches, fn } = recorder();
    const batcher = new Batcher(fn, { maxBatchSize: 1 });
    expect(await batcher.loadMany([7, 8])).toEqual([70, 80]);
    expect(batches).toEqual([[7], [8]]);
  });

  it('an Error in one slot fails that key only', async () => {
    const batcher = new Batcher<number, string>(async (keys) =>
      keys.map((k) => (k === 2 ? new Error(`no user ${k}`) : `user ${k}`)),
    );
    const results = await Promise.allSettled([1, 2, 3].map((k) => batcher.load(k)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 'user 1' },
      { status: 'rejected', reason: new Error('no user 2') },
      { status: 'fulfilled', value: 'user 3' },
    ]);
  });

  it('a batch function that returns the wrong number of values fails every key with a clear error', async () => {
    const batcher = new Batcher<number, number>(async () => [1]);
    const results = await Promise.allSettled([batcher.load(1), batcher.load(2)]);
    for (const r of results)
      expect(r).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ name: 'TypeError' }) });
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/1 values for 2 keys/);
  });

  it('a rejected batch rejects every key in it', async () => {
    const batcher = new Batcher<number, number>(async () => {
      throw new Error('connection reset');
    });
    await expect(batcher.loadMany([1, 2])).rejects.toThrow('connection reset');
  });

  it('rejects a bad maxBatchSize', () => {
    expect(() => new Batcher(async () => [], { maxBatchSize: 0 })).toThrow(RangeError);
    expect(() => new Batcher(async () => [], { maxBatchSize: 2.5 })).toThrow(
      new RangeError('maxBatchSize must be a positive integer, got 2.5'),
    );
  });
});

describe('when a batch is sent: nextTick (DataLoader) vs one microtask', () => {
  // Ten resolvers, each awaiting a different number of settled promises before calling load().
  async function batchesFor(schedule: BatchSchedule): Promise<number> {
    const { batches, fn } = recorder();
    const batcher = new Batcher(fn, { schedule });
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        await afterAwaits(i);
        return batcher.load(i);
      }),
    );
    return batches.length;
  }

  it('nextTick collects loads made after any number of awaits into one batch', async () => {
    expect(await batchesFor('nextTick')).toBe(1);
  });

  it('a one-microtask schedule splits the same loads into several batches', async () => {
    expect(await batchesFor('microtask')).toBeGreaterThan(1);
  });

  it('the dataloader package batches the same scenario into one batch too', async () => {
    const { batches, fn } = recorder();
    const loader = new DataLoader(fn);
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        await afterAwaits(i);
        return loader.load(i);
      }),
    );
    expect(batches).toHaveLength(1);
  });
});
