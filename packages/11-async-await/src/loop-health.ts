import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** What a production dashboard would show for the time `work` ran. */
export interface LoopHealth {
  /** `performance.eventLoopUtilization()`: the share of the time the loop was busy running code (0..1). */
  utilization: number;
  /** From `monitorEventLoopDelay`: how late the loop ran, milliseconds. */
  delayP99Ms: number;
  delayMaxMs: number;
  /** How often a 1 ms interval got to run meanwhile: other requests' chances, counted. */
  ticks: number;
}

/** Keeps the CPU busy for `ms` without ever yielding: what a big JSON.parse or a sync hash does to a server. */
export function blockFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

/**
 * Runs `work` while watching the loop with the two production signals. A synchronous stretch shows as
 * utilisation near 1, a delay as long as the stretch, and no ticks; awaiting I/O shows the opposite.
 */
export async function watchLoop(
  work: () => Promise<unknown> | unknown,
  resolutionMs = 10,
): Promise<LoopHealth> {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  // Each reading records the time since the one before, so a blocked stretch shows only if a reading comes
  // before it and another after it. Waiting a fixed time is not enough: a busy 1 ms interval can hold the
  // histogram's timer back until after the work, and then the stretch goes unseen.
  const readingsBeyond = async (count: number) => {
    while (histogram.count <= count) await new Promise((resolve) => setTimeout(resolve, resolutionMs));
  };
  let ticks = 0;
  const interval = setInterval(() => ticks++, 1);
  histogram.enable();
  await readingsBeyond(0);
  ticks = 0;
  const before = performance.eventLoopUtilization();
  try {
    await work();
    const { utilization } = performance.eventLoopUtilization(before);
    const ticksDuringWork = ticks;
    await readingsBeyond(histogram.count);
    const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0);
    return {
      utilization,
      delayP99Ms: ms(histogram.percentile(99)),
      delayMaxMs: ms(histogram.max),
      ticks: ticksDuringWork,
    };
  } finally {
    clearInterval(interval);
    histogram.disable();
  }
}
