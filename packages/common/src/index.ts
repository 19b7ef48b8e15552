export { type Clock, type ManualClock, manualClock, systemClock, wallClock } from './clock.ts';
export { type Demo, lessonCheck, redisOrSkip, runDemo, type Section, withRedisKeys } from './demo.ts';
export {
  type Listening,
  type LoadOptions,
  type LoadResult,
  type LoadRun,
  listen,
  loadTest,
  startLoad,
} from './http.ts';
export * from './measure/index.ts';
export * from './output.ts';
export {
  PROBLEM_CONTENT_TYPE,
  type ProblemBody,
  problemBody,
  problemViolations,
  sendProblem,
} from './problem.ts';
export * from './services/index.ts';
export { barrier, type Deferred, deferred } from './sync.ts';
export * from './text.ts';
export {
  type ProcessRun,
  type RunProcessOptions,
  runNode,
  runProcess,
  tsxExecArgv,
  workerPath,
} from './workers.ts';
