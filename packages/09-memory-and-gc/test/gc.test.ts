import { forceGc } from '@lab/common';
import { describe, expect, it } from 'vitest';
import { churn, observeGc, reuse } from '../src/index.ts';

// When a scavenge runs depends on how full the nursery already is. Each observed run starts right after a
// forced full GC, with an empty nursery, so its count depends on what it allocates and not on what ran before
// (the full GC itself is not counted: GC tracking starts when observeGc() starts observing).
async function observeFromEmptyNursery<T>(work: () => T) {
  forceGc();
  return observeGc(work);
}

describe('observing the generational GC', () => {
  it('short-lived allocation shows up as scavenges (minor GCs)', async () => {
    // ~2M short-lived points, about 100 MB: several times the largest nursery V8 picks by default.
    const { gc } = await observeFromEmptyNursery(() => churn(10_000, 200));
    expect(gc.minor).toBeGreaterThan(0);
  });

  it('updating objects in place triggers far fewer scavenges than allocating new ones', async () => {
    const allocating = await observeFromEmptyNursery(() => churn(10_000, 200));
    // 10k points allocated once (~250 KB) fit in an empty nursery: typically no scavenge at all.
    const inPlace = await observeFromEmptyNursery(() => reuse(10_000, 200));
    expect(inPlace.result).toBe(allocating.result);
    expect(inPlace.gc.minor).toBeLessThan(allocating.gc.minor / 4);
  });
});
