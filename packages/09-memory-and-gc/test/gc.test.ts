import { describe, expect, it } from 'vitest';
import { churn, observeGc, reuse } from '../src/index.ts';

describe('observing the generational GC', () => {
  it('short-lived allocation shows up as scavenges (minor GCs)', async () => {
    const { gc } = await observeGc(() => churn(10_000, 200));
    expect(gc.minor).toBeGreaterThan(0);
  });

  it('updating objects in place triggers far fewer scavenges than allocating new ones', async () => {
    const allocating = await observeGc(() => churn(10_000, 200));
    const inPlace = await observeGc(() => reuse(10_000, 200));
    expect(inPlace.result).toBe(allocating.result);
    expect(inPlace.gc.minor).toBeLessThan(allocating.gc.minor / 4);
  });
});
