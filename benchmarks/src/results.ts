/** The shapes `pnpm bench` writes to benchmarks/results/<slug>.json. */

export interface Row {
  name: string;
  median: number;
  p99: number;
  mean: number;
  samples: number;
  /** Operations per second, for time benches. */
  opsPerSec?: number;
  /** median / baseline median. */
  ratio: number;
}

export interface ClaimResult {
  says: string;
  subject: string;
  against: string;
  ratio: number;
  below?: number;
  above?: number;
  holds: boolean;
  seed?: string;
}

export interface BenchResult {
  title: string;
  kind: 'time' | 'measure';
  /** `ms` (per operation) for time benches. */
  unit: string;
  better: 'lower' | 'higher';
  baseline: string;
  rows: Row[];
  claims: ClaimResult[];
}

export interface Machine {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  date: string;
}

export interface TopicResults extends Machine {
  slug: string;
  id: string;
  title: string;
  smoke: boolean;
  benches: BenchResult[];
}
