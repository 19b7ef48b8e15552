import { forceGc } from '@lab/common';
import { describe, expect, it } from 'vitest';
import {
  closureCapture,
  forgottenListeners,
  forgottenTimers,
  growingCache,
  heapGrowthPerRound,
  type LeakCase,
  leakCases,
  medianGrowth,
  observeGc,
} from '../src/index.ts';

// ~20k small objects per request (~1.5 MiB after a full GC), 5 requests per round: a leak adds megabytes
// per round, far above the noise of a heap measured after a full GC.
const PAYLOAD = 20_000;
const REQUESTS = 5;
const MIB = 1024 * 1024;
// Counting payloads one by one needs a bigger one (~7 MiB): a reading taken after a full GC still wanders
// by up to half a MiB from one round to the next (more in a worker thread, where Stryker runs the tests).
const COUNTED_PAYLOAD = 100_000;

// Each test builds its own case, so it starts from one that holds nothing.
const CASES: ReadonlyArray<readonly [string, (size: number) => LeakCase]> = [
  ['unbounded module-level cache', growingCache],
  ['listener added per request, never removed', forgottenListeners],
  ['closure capturing a large object', closureCapture],
  ['setInterval never cleared', forgottenTimers],
];

/** Heap kept by one leaked request, after a full GC: the unit the tests count payloads in. */
async function bytesPerLeakedRequest(leak: LeakCase): Promise<number> {
  const perRequest = medianGrowth(await heapGrowthPerRound(() => leak.leaky(1), 3));
  leak.reset();
  return perRequest;
}

/** How many requests' payloads each round of `growth` kept, to the nearest whole one. */
const payloadsKept = (growth: readonly number[], perRequest: number) =>
  growth.map((g) => Math.round(g / perRequest) || 0);

it('leakCases lists the four leaks, in the order the demo shows them', () => {
  expect(leakCases(1).map((c) => c.name)).toEqual(CASES.map(([name]) => name));
});

describe.each(CASES)('%s', (_, make) => {
  it('leaky: every round keeps one payload per request, even after a full GC', async () => {
    const leak = make(COUNTED_PAYLOAD);
    const perRequest = await bytesPerLeakedRequest(leak);
    const growth = await heapGrowthPerRound(() => leak.leaky(3), 2);
    leak.reset();
    expect(perRequest).toBeGreaterThan(4 * MIB);
    expect(payloadsKept(growth, perRequest)).toEqual([3, 3]);
  });

  it('reset releases everything the leaky variant kept', async () => {
    const leak = make(PAYLOAD);
    const growth = await heapGrowthPerRound(() => {
      leak.leaky(REQUESTS);
      leak.reset();
    }, 3);
    expect(medianGrowth(growth)).toBeLessThan(MIB / 4);
  });

  it('fixed: the heap stays flat', async () => {
    const leak = make(PAYLOAD);
    // One warm-up round lets lazily allocated structures (maps, listener arrays) settle.
    leak.fixed(REQUESTS);
    const growth = await heapGrowthPerRound(() => leak.fixed(REQUESTS), 5);
    leak.reset();
    expect(growth).toHaveLength(5);
    expect(medianGrowth(growth)).toBeLessThan(MIB / 4);
  });

  it('fixed: still builds every payload, so the garbage shows up as scavenges', async () => {
    const leak = make(COUNTED_PAYLOAD);
    // 15 requests of ~7 MiB, over 100 MiB: several times the largest young generation V8 grows by default
    // (32 MiB here), so even a nursery already at its largest must be scavenged.
    forceGc();
    const { gc } = await observeGc(() => leak.fixed(15));
    leak.reset();
    expect(gc.minor).toBeGreaterThan(0);
  });
});

describe('the bounded cache (the fix for the growing one)', () => {
  it('keeps the two most recent payloads: it grows for the first two requests, then stays flat', async () => {
    const cache = growingCache(COUNTED_PAYLOAD);
    const perRequest = await bytesPerLeakedRequest(cache);
    const growth = await heapGrowthPerRound(() => cache.fixed(1), 4);
    cache.reset();
    expect(payloadsKept(growth, perRequest)).toEqual([1, 1, 0, 0]);
  });
});
