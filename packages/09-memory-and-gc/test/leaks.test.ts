import { describe, expect, it } from 'vitest';
import { heapGrowthPerRound, leakCases, medianGrowth } from '../src/index.ts';

// ~20k small objects per request, 5 requests per round: a leak adds megabytes per round.
const PAYLOAD = 20_000;
const REQUESTS = 5;
const MIB = 1024 * 1024;

describe.each(leakCases(PAYLOAD).map((c) => [c.name, c] as const))('%s', (_, leak) => {
  it('leaky: the heap grows every round, even after a full GC', async () => {
    const growth = await heapGrowthPerRound(() => leak.leaky(REQUESTS), 5);
    leak.reset();
    expect(growth.filter((g) => g > MIB)).toHaveLength(growth.length);
  });

  it('fixed: the heap stays flat', async () => {
    // One warm-up round lets lazily allocated structures (maps, listener arrays) settle.
    leak.fixed(REQUESTS);
    const growth = await heapGrowthPerRound(() => leak.fixed(REQUESTS), 5);
    leak.reset();
    expect(medianGrowth(growth)).toBeLessThan(MIB / 4);
  });
});
