export { type LoopDelay, measureLoopDelay } from './loop-delay.ts';
export { loopTurnsDuring } from './loop-turns.ts';
export { forceGc, type HeapMeasurement, heapUsed, measureHeap, measureHeapAsync } from './memory.ts';
export { percentile, type Summary, summarize } from './stats.ts';
export {
  lastTimedResult,
  medianTimePerCall,
  medianTimePerCallAsync,
  type TimePerCallOptions,
} from './time-per-call.ts';
