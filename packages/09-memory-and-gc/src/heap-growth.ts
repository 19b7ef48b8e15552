import { forceGc, heapUsed, summarize } from '@lab/common';

/**
 * Runs `round` several times, forcing a full GC after each, and returns how much the heap grew per
 * round. What survives a full GC is reachable: steady growth across rounds is a leak, not garbage.
 */
export async function heapGrowthPerRound(round: () => void | Promise<void>, rounds = 6): Promise<number[]> {
  forceGc();
  let previous = heapUsed();
  const growth: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await round();
    await new Promise((resolve) => setImmediate(resolve));
    forceGc();
    const now = heapUsed();
    growth.push(now - previous);
    previous = now;
  }
  return growth;
}

/** The median growth, robust to one round that happened to trigger a heap resize. */
export function medianGrowth(growth: readonly number[]): number {
  return growth.length ? summarize(growth).median : 0;
}
