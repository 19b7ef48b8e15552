import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gcFn: (() => void) | undefined;

/**
 * Runs a full garbage collection. Uses `globalThis.gc` when Node started with --expose-gc; otherwise turns the
 * flag on at run time and fetches `gc` from a fresh context, so callers never need a child process for it.
 */
export function forceGc(): void {
  if (!gcFn) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) gcFn = exposed;
    else {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    }
  }
  gcFn();
  gcFn();
}

/** Bytes currently used by the V8 heap. */
export const heapUsed = (): number => getHeapStatistics().used_heap_size;

export interface HeapMeasurement<T> {
  result: T;
  /** Highest heap use seen above the post-GC baseline, in bytes. */
  peakBytes: number;
  /** Heap still used after a GC while the result is held, above the baseline, in bytes. */
  retainedBytes: number;
}

/**
 * Measures peak and retained heap of `run`. `run` receives `sample`, to be called now and then inside its
 * loop (every few thousand items): a synchronous job cannot be sampled from outside.
 */
export function measureHeap<T>(run: (sample: () => void) => T): HeapMeasurement<T> {
  forceGc();
  const baseline = heapUsed();
  let peak = baseline;
  const sample = () => {
    const used = heapUsed();
    if (used > peak) peak = used;
  };
  const result = run(sample);
  sample();
  forceGc();
  const retained = heapUsed();
  return { result, peakBytes: Math.max(0, peak - baseline), retainedBytes: Math.max(0, retained - baseline) };
}

/** Async variant of `measureHeap`, sampling on a timer as well as wherever `run` calls `sample`. */
export async function measureHeapAsync<T>(
  run: (sample: () => void) => Promise<T>,
  intervalMs = 5,
): Promise<HeapMeasurement<T>> {
  forceGc();
  const baseline = heapUsed();
  let peak = baseline;
  const sample = () => {
    const used = heapUsed();
    if (used > peak) peak = used;
  };
  const timer = setInterval(sample, intervalMs);
  try {
    const result = await run(sample);
    sample();
    forceGc();
    const retained = heapUsed();
    return {
      result,
      peakBytes: Math.max(0, peak - baseline),
      retainedBytes: Math.max(0, retained - baseline),
    };
  } finally {
    clearInterval(timer);
  }
}
