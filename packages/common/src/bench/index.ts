export {
  type Bench,
  type Claim,
  type MeasureBench,
  measureBench,
  type TimeBench,
  timeBench,
} from './define.ts';
export { type InterleaveOptions, interleaved } from './interleave.ts';
export { describeClaim, formatValue, printBenchResult, versus } from './report.ts';
export type { BenchResult, ClaimResult, Machine, Row, TopicResults } from './results.ts';
export { judge, machine, type RunOptions, runBench } from './run.ts';
export { barChartSvg } from './svg.ts';
