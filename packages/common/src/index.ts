export { redisOrSkip, runDemo } from './demo.ts';
export { type Listening, type LoadOptions, type LoadResult, listen, loadTest } from './http.ts';
export * from './measure/index.ts';
export * from './output.ts';
export * from './services/index.ts';
export * from './text.ts';
export * from './topics.ts';
export { tsxExecArgv, workerPath } from './workers.ts';
