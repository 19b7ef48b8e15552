import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';

/** How many collections of each kind ran, and how long they paused JavaScript in total. */
export interface GcCounts {
  /** Scavenges: the young generation ("nursery"), frequent and short. */
  minor: number;
  /** Mark-sweep-compact of the whole heap: rarer, longer. */
  major: number;
  /** Incremental marking steps that spread a major GC's work out. */
  incremental: number;
  /** Weak-callback processing (finalizers, weak handles). */
  weakcb: number;
  pauseMs: number;
}

const KIND: Record<number, keyof Omit<GcCounts, 'pauseMs'>> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

/**
 * Runs `work` and counts the garbage collections V8 reported meanwhile, through the same
 * PerformanceObserver 'gc' entries `--trace-gc` summarises. Entries arrive asynchronously, so the
 * observer is drained after the work finishes.
 */
export async function observeGc<T>(work: () => T | Promise<T>): Promise<{ result: T; gc: GcCounts }> {
  const gc: GcCounts = { minor: 0, major: 0, incremental: 0, weakcb: 0, pauseMs: 0 };
  const record = (entries: PerformanceEntry[]) => {
    for (const entry of entries) {
      // Every 'gc' entry carries its kind in detail (Node 16+); a kind not listed in KIND (a minor
      // mark-compact under --minor-mc) still adds to the pause.
      const kind = KIND[(entry as PerformanceEntry & { detail: { kind: number } }).detail.kind];
      if (kind) gc[kind]++;
      gc.pauseMs += entry.duration;
    }
  };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  try {
    const result = await work();
    await new Promise((resolve) => setImmediate(resolve));
    record(observer.takeRecords());
    return { result, gc };
  } finally {
    observer.disconnect();
  }
}
