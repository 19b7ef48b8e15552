import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopDelay {
  /** Milliseconds. */
  mean: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * How late the event loop ran while `work` was in progress: the figure that says whether a server could
 * answer other requests meanwhile. A synchronous `work` shows up as one long delay.
 */
export async function measureLoopDelay<T>(
  work: () => Promise<T> | T,
  resolutionMs = 5,
): Promise<{ result: T; delay: LoopDelay }> {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  // Let the histogram take its first reading before the work starts.
  await new Promise((r) => setTimeout(r, resolutionMs * 2));
  try {
    const result = await work();
    await new Promise((r) => setTimeout(r, resolutionMs * 2));
    return { result, delay: read(histogram) };
  } finally {
    histogram.disable();
  }
}

function read(h: ReturnType<typeof monitorEventLoopDelay>): LoopDelay {
  const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0);
  return { mean: ms(h.mean), p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) };
}
