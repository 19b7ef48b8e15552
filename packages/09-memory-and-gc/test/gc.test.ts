import { forceGc } from '@lab/common';
import { describe, expect, it } from 'vitest';
import { churn, observeGc, reuse } from '../src/index.ts';

// When a scavenge runs depends on how full the nursery already is. Each observed run starts right after a
// forced full GC, with an empty nursery, so its count depends on what it allocates and not on what ran before
// (the full GC itself is not counted: GC tracking starts when observeGc() starts observing).
async function observeFromEmptyNursery<T>(work: () => T | Promise<T>) {
  forceGc();
  return observeGc(work);
}

const nextTask = () => new Promise((resolve) => setImmediate(resolve));

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

  it('counts a forced full GC as a major collection and sums its pause', async () => {
    const { gc } = await observeFromEmptyNursery(() => forceGc());
    expect(gc.major).toBeGreaterThan(0);
    expect(gc.pauseMs).toBeGreaterThan(0);
  });

  it('counts collections reported while asynchronous work is still running', async () => {
    // The entries reach the observer's callback during the awaits, before the final drain.
    const { result, gc } = await observeFromEmptyNursery(async () => {
      forceGc();
      for (let i = 0; i < 3; i++) await nextTask();
      return 'done';
    });
    expect(result).toBe('done');
    expect(gc.major).toBeGreaterThan(0);
  });

  it('stops counting when it returns', async () => {
    const { gc } = await observeFromEmptyNursery(() => forceGc());
    const counted = { ...gc };
    forceGc();
    for (let i = 0; i < 3; i++) await nextTask();
    expect(gc).toEqual(counted);
  });
});
