import { getHeapSpaceStatistics } from 'node:v8';
import { check, forceGc, formatBytes, heading, note, runDemo, table } from '@lab/common';
import {
  churn,
  heapGrowthPerRound,
  isCollected,
  leakCases,
  makeCycle,
  medianGrowth,
  observeGc,
  reuse,
  WeakValueCache,
} from './src/index.ts';

await runDemo(
  'Memory management and garbage collection',
  'Part 1, Q9 · reference counting vs a tracing, generational GC',
  async () => {
    heading('Reachability, not reference counts');
    note('CPython frees an object when its count drops to zero and needs a second collector for cycles.');
    note('V8 traces from the roots: a cycle nobody reaches is garbage like anything else.');
    check(
      await isCollected(makeCycle),
      'a → b → a cycle, unreachable: collected after a GC (FinalizationRegistry fired)',
    );

    heading('The heap is split by age');
    note(
      'New objects go to the young generation (scavenged often); survivors move to old space (mark-compact).',
    );
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

    heading('Garbage costs scavenges: allocating vs updating in place');
    const allocating = await observeGc(() => churn(10_000, 200));
    const inPlace = await observeGc(() => reuse(10_000, 200));
    table([
      {
        workload: 'allocate a new point per step',
        scavenges: allocating.gc.minor,
        'mark-compacts': allocating.gc.major,
        'GC pause ms': allocating.gc.pauseMs,
      },
      {
        workload: 'update points in place',
        scavenges: inPlace.gc.minor,
        'mark-compacts': inPlace.gc.major,
        'GC pause ms': inPlace.gc.pauseMs,
      },
    ]);
    check(inPlace.result === allocating.result, 'both produce the same result');

    heading('Four classic leaks, found by heap growth after a full GC');
    note('Each round handles 5 requests of ~20k objects; what is still there after forceGc() is reachable.');
    const rows = [];
    for (const leak of leakCases(20_000)) {
      const leaky = medianGrowth(await heapGrowthPerRound(() => leak.leaky(5), 3));
      leak.reset();
      leak.fixed(5);
      const fixed = medianGrowth(await heapGrowthPerRound(() => leak.fixed(5), 3));
      leak.reset();
      rows.push({
        leak: leak.name,
        'growth/round (leaky)': formatBytes(leaky),
        'growth/round (fixed)': formatBytes(Math.max(0, fixed)),
      });
    }
    table(rows);

    heading('A cache that does not keep its values alive (WeakValueDictionary)');
    const cache = new WeakValueCache<string, { report: string }>();
    const pinned = { report: 'still used by a request' };
    cache.set('pinned', pinned);
    cache.set('orphan', { report: 'nobody holds this' });
    await new Promise((r) => setImmediate(r));
    forceGc();
    check(cache.get('pinned') === pinned, "'pinned' is served: a request still holds it");
    check(cache.get('orphan') === undefined, "'orphan' is gone after a GC: the cache never kept it alive");
  },
);
