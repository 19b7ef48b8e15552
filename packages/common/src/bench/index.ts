export {
  type Bench,
  type Claim,
  type MeasureBench,
  measureBench,
  type TimeBench,
  timeBench,
} from './define.ts';
export { type InterleaveOptions, interleaved } from './interleave.ts';
