import { describe, expect, it } from 'vitest';
import { heapGrowthPerRound, medianGrowth } from '../src/index.ts';

const MIB = 1024 * 1024;

describe('heapGrowthPerRound', () => {
  it('runs the round as many times as asked (6 by default), one growth figure per round', async () => {
    let calls = 0;
    const round = () => {
      calls++;
    };
    expect(await heapGrowthPerRound(round, 3)).toHaveLength(3);
    expect(calls).toBe(3);
    expect(await heapGrowthPerRound(round)).toHaveLength(6);
    expect(calls).toBe(9);
  });

  it('waits for an async round and counts what it keeps, not the garbage it made', async () => {
    const kept: number[][] = [];
    const growth = await heapGrowthPerRound(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      // 4 MiB of unboxed doubles kept, and as much garbage dropped.
      kept.push(new Array(MIB / 2).fill(0.5));
      new Array(MIB / 2).fill(0.25);
    }, 3);
    expect(kept).toHaveLength(3);
    // A reading after a full GC wanders by up to half a MiB; 4 MiB of garbage counted would be 8 MiB.
    for (const g of growth) {
      expect(g).toBeGreaterThan(3 * MIB);
      expect(g).toBeLessThan(5 * MIB);
    }
  });
});

describe('medianGrowth', () => {
  it('is 0 for no rounds, and ignores one round that happened to resize the heap', () => {
    expect(medianGrowth([])).toBe(0);
    expect(medianGrowth([1_000, 8 * MIB, 1_200])).toBe(1_200);
  });
});
