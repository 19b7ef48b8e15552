import { getHeapSpaceStatistics } from 'node:v8';
import { check, forceGc, formatBytes, formatDuration, lessonCheck, runDemo, table } from '@lab/common';
import {
  churn,
  gcRoundsUntilCollected,
  heapGrowthPerRound,
  leakCases,
  makeCycle,
  medianGrowth,
  observeGc,
  reuse,
  WeakValueCache,
} from './src/index.ts';

const BENCH = 'pnpm bench memory-and-gc';
/** Objects per simulated request in the leak section: big enough that a leak dwarfs heap noise. */
const PAYLOAD_OBJECTS = 20_000;
const REQUESTS_PER_ROUND = 5;

const nextTask = () => new Promise((resolve) => setImmediate(resolve));

async function cyclesSection(): Promise<void> {
  const rounds = await gcRoundsUntilCollected(makeCycle);
  // Captured by the callback below, so it stays reachable while the GCs run.
  const kept: object[] = [];
  const reachableRounds = await gcRoundsUntilCollected(() => {
    const cycle = makeCycle();
    kept.push(cycle);
    return cycle;
  }, 3);
  lessonCheck(
    rounds !== undefined && reachableRounds === undefined,
    'an unreachable a → b → a cycle is collected; the same cycle still referenced is not',
    `unreachable: ${rounds === undefined ? 'alive after 20 forced GCs' : `collected after ${rounds} forced GC(s)`}; reachable: ${reachableRounds === undefined ? 'alive after 3 forced GCs' : 'collected'}`,
    BENCH,
  );
}

function heapSpacesSection(): void {
  forceGc();
  table(
    getHeapSpaceStatistics()
      .filter((s) => ['new_space', 'old_space', 'code_space', 'large_object_space'].includes(s.space_name))
      .map((s) => ({
        space: s.space_name,
        used: formatBytes(s.space_used_size),
        size: formatBytes(s.space_size),
      })),
  );
}

async function churnSection(): Promise<void> {
  // Each run starts from an empty young generation, so neither inherits the other's garbage.
  forceGc();
  const allocating = await observeGc(() => churn(10_000, 200));
  forceGc();
  const inPlace = await observeGc(() => reuse(10_000, 200));
  table([
    {
      workload: 'allocate a new point per step',
      scavenges: allocating.gc.minor,
      'mark-compacts': allocating.gc.major,
      'GC pause': formatDuration(allocating.gc.pauseMs),
    },
    {
      workload: 'update points in place',
      scavenges: inPlace.gc.minor,
      'mark-compacts': inPlace.gc.major,
      'GC pause': formatDuration(inPlace.gc.pauseMs),
    },
  ]);
  check(inPlace.result === allocating.result, 'both produce the same result');
  lessonCheck(
    inPlace.gc.minor * 4 < allocating.gc.minor,
    'reusing objects triggers under a quarter of the scavenges that allocating does',
    `${inPlace.gc.minor} vs ${allocating.gc.minor} scavenges`,
    BENCH,
  );
}

async function leaksSection(): Promise<void> {
  const rows = [];
  for (const leak of leakCases(PAYLOAD_OBJECTS)) {
    const leaky = medianGrowth(await heapGrowthPerRound(() => leak.leaky(REQUESTS_PER_ROUND), 3));
    leak.reset();
    leak.fixed(REQUESTS_PER_ROUND);
    const fixed = medianGrowth(await heapGrowthPerRound(() => leak.fixed(REQUESTS_PER_ROUND), 3));
    leak.reset();
    rows.push({ name: leak.name, leaky, fixed });
  }
  table(
    rows.map((r) => ({
      leak: r.name,
      'growth/round (leaky)': formatBytes(r.leaky),
      'growth/round (fixed)': formatBytes(Math.max(0, r.fixed)),
    })),
  );
  const smallestLeak = Math.min(...rows.map((r) => r.leaky));
  const largestFixed = Math.max(...rows.map((r) => r.fixed));
  lessonCheck(
    smallestLeak > 1024 * 1024 && largestFixed * 20 < smallestLeak,
    'every leaky variant keeps its requests’ payload after a full GC; every fix keeps (almost) nothing',
    `smallest leak ${formatBytes(smallestLeak)}/round, largest fixed growth ${formatBytes(Math.max(0, largestFixed))}/round`,
    BENCH,
  );
}

async function weakCacheSection(): Promise<void> {
  const cache = new WeakValueCache<string, { report: string }>();
  const pinned = { report: 'still used by a request' };
  cache.set('pinned', pinned);
  cache.set('orphan', { report: 'nobody holds this' });
  // A WeakRef keeps its target until the current job ends: collect only after yielding, a few times at most.
  let gcs = 0;
  while (cache.get('orphan') !== undefined && gcs < 5) {
    await nextTask();
    forceGc();
    gcs++;
  }
  check(cache.get('pinned') === pinned, "'pinned' is served: a request still holds it");
  lessonCheck(
    cache.get('orphan') === undefined,
    "'orphan' is gone after a GC: the cache never kept it alive",
    `${cache.liveSize} of 2 values alive after ${gcs} forced GC(s)`,
    BENCH,
  );
}

await runDemo({
  title: 'Memory management and garbage collection',
  subtitle: 'Part 1, Q9 · reference counting vs a tracing, generational GC',
  sections: [
    {
      id: 'cycles',
      title: 'Reachability, not reference counts',
      why: 'CPython frees an object when its count drops to zero and needs a second collector for cycles.\nV8 traces from the roots: a cycle nobody reaches is garbage like anything else.',
      run: cyclesSection,
    },
    {
      id: 'heap-spaces',
      title: 'The heap is split by age',
      why: 'New objects go to the young generation (scavenged often); survivors move to old space (mark-compact).',
      run: heapSpacesSection,
    },
    {
      id: 'churn',
      title: 'Garbage costs scavenges: allocating vs updating in place',
      why: 'The same computation twice, counting the collections V8 reports through PerformanceObserver.',
      run: churnSection,
    },
    {
      id: 'leaks',
      title: 'Four classic leaks, found by heap growth after a full GC',
      why: `Each round handles ${REQUESTS_PER_ROUND} requests of ~${PAYLOAD_OBJECTS / 1000}k objects; what is still there after forceGc() is reachable.`,
      run: leaksSection,
    },
    {
      id: 'weak-cache',
      title: 'A cache that does not keep its values alive (WeakValueDictionary)',
      why: 'WeakRef values and a FinalizationRegistry: served while someone else holds them, dropped after a GC.',
      run: weakCacheSection,
    },
  ],
});
