export { type Combinator, type Combined, type Contender, combine } from './combinators.ts';
export { type DeadlineOptions, TimeoutError, withDeadline } from './deadline.ts';
export { lazy, whenBodiesRun } from './eager.ts';
export { fetchConcurrent, fetchLimited, fetchSequential, getJson } from './fetch-all.ts';
export { createLimiter, type Limiter, mapLimited } from './limiter.ts';
export { blockFor, type LoopHealth, watchLoop } from './loop-health.ts';
export { type Callback, LOOP_PHASES, orderAsEntry, orderInside, scheduleEach } from './loop-order.ts';
export { type ChildExit, callInsideTry, type TryOutcome, unhandledRejectionInChild } from './pitfalls.ts';
export { type ServerStats, type SlowServer, startSlowServer } from './slow-server.ts';
