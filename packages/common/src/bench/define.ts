/**
 * How a topic declares its benchmarks. A bench file (`packages/NN-slug/bench/*.bench.ts`) default-exports an
 * array of these; `pnpm bench` runs them, judges the claims and writes the results.
 */

/** A statement about cost, judged from the numbers of the bench that declares it. */
export interface Claim {
  /** The claim in one sentence, as the README states it. */
  says: string;
  /** The contender whose median is compared... */
  subject: string;
  /** ...with this one's (default: the bench's baseline). */
  against?: string;
  /** The claim holds when median(subject) / median(against) is below this... */
  below?: number;
  /** ...and/or above this. */
  above?: number;
  /** The figure the Python series states for the same question, set beside ours. */
  seed?: string;
}

interface Common {
  title: string;
  /** The contender every other is compared with. */
  baseline: string;
  claims?: Claim[];
}

export type Task = () => unknown;

/** Timed with tinybench: warm-up, then samples until `timeMs` and `minSamples` are both reached. */
export interface TimeBench extends Common {
  kind: 'time';
  tasks: Record<string, Task>;
  /** Operations one call of a task performs; reported latencies are per operation. */
  opsPerCall?: number;
  setup?: () => Promise<void> | void;
  teardown?: () => Promise<void> | void;
  timeMs?: number;
  minSamples?: number;
}

/** Anything that is not a per-call time: bytes, requests per second, p99 under load, GC counts. */
export interface MeasureBench extends Common {
  kind: 'measure';
  unit: string;
  better: 'lower' | 'higher';
  /** One or more samples per contender. `smoke` asks for the smallest run that exercises the code. */
  measure: (context: { smoke: boolean }) => Promise<Record<string, number | number[]>>;
}

export type Bench = TimeBench | MeasureBench;

export const timeBench = (bench: Omit<TimeBench, 'kind'>): TimeBench => ({ kind: 'time', ...bench });
export const measureBench = (bench: Omit<MeasureBench, 'kind'>): MeasureBench => ({
  kind: 'measure',
  ...bench,
});
