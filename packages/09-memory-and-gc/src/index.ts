export { churn, type Point, reuse } from './churn.ts';
export { type GcCounts, observeGc } from './gc-observer.ts';
export { heapGrowthPerRound, medianGrowth } from './heap-growth.ts';
export {
  closureCapture,
  forgottenListeners,
  forgottenTimers,
  growingCache,
  type LeakCase,
  leakCases,
} from './leaks.ts';
export { gcRoundsUntilCollected, isCollected, makeCycle, WeakValueCache } from './reachability.ts';
