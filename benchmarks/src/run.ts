import { arch, availableParallelism, cpus, platform } from 'node:os';
import type { Bench, Claim, MeasureBench, TimeBench } from '@lab/common/bench';
import { summarize } from '@lab/common/measure';
import { Bench as TinyBench } from 'tinybench';
import type { BenchResult, ClaimResult, Machine, Row } from './results.ts';

export function machine(): Machine {
  return {
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    platform: `${platform()}-${arch()}`,
    date: new Date().toISOString(),
  };
}

export interface RunOptions {
  smoke: boolean;
}

async function runTime(bench: TimeBench, { smoke }: RunOptions): Promise<Omit<Row, 'ratio'>[]> {
  const ops = bench.opsPerCall ?? 1;
  const tiny = new TinyBench(
    smoke
      ? { time: 0, iterations: 3, warmupTime: 0, warmupIterations: 1 }
      : {
          time: bench.timeMs ?? 600,
          iterations: bench.minSamples ?? 20,
          warmupTime: 150,
          warmupIterations: 5,
        },
  );
  // Setup first: tinybench calls each non-`async` task once while adding it, to learn whether it returns a
  // promise, and that call must see a ready fixture.
  await bench.setup?.();
  for (const [name, fn] of Object.entries(bench.tasks)) {
    tiny.add(name, fn, fn.constructor.name === 'AsyncFunction' ? { async: true } : {});
  }
  try {
    await tiny.run();
  } finally {
    await bench.teardown?.();
  }
  return tiny.tasks.map((task) => {
    const r = task.result;
    if (r.state === 'errored')
      throw new Error(`bench "${bench.title}" task "${task.name}" failed`, { cause: r.error });
    if (r.state !== 'completed')
      throw new Error(`bench "${bench.title}" task "${task.name}" ended ${r.state}`);
    const { latency } = r;
    return {
      name: task.name,
      median: latency.p50 / ops,
      p99: latency.p99 / ops,
      mean: latency.mean / ops,
      samples: latency.samplesCount,
      opsPerSec: (1000 / latency.mean) * ops,
    };
  });
}

async function runMeasure(bench: MeasureBench, options: RunOptions): Promise<Omit<Row, 'ratio'>[]> {
  const measured = await bench.measure({ smoke: options.smoke });
  return Object.entries(measured).map(([name, value]) => {
    const s = summarize(Array.isArray(value) ? value : [value]);
    return { name, median: s.median, p99: s.p99, mean: s.mean, samples: s.n };
  });
}

/** median(subject) / median(against); the claim holds when that ratio is inside the declared bounds. */
export function judge(claim: Claim, rows: Row[], baseline: string): ClaimResult {
  const against = claim.against ?? baseline;
  const find = (name: string) => {
    const row = rows.find((r) => r.name === name);
    if (!row) throw new Error(`claim "${claim.says}" names "${name}", which the bench does not measure`);
    return row.median;
  };
  const ratio = find(claim.subject) / find(against);
  const holds =
    Number.isFinite(ratio) &&
    (claim.below === undefined || ratio < claim.below) &&
    (claim.above === undefined || ratio > claim.above);
  return {
    says: claim.says,
    subject: claim.subject,
    against,
    ratio,
    holds,
    ...(claim.below !== undefined ? { below: claim.below } : {}),
    ...(claim.above !== undefined ? { above: claim.above } : {}),
    ...(claim.seed !== undefined ? { seed: claim.seed } : {}),
  };
}

/** Runs one bench: its contenders, the ratios to the baseline, and the verdict of each claim. */
export async function runBench(bench: Bench, options: RunOptions): Promise<BenchResult> {
  const raw = bench.kind === 'time' ? await runTime(bench, options) : await runMeasure(bench, options);
  const base = raw.find((r) => r.name === bench.baseline);
  if (!base)
    throw new Error(`bench "${bench.title}": baseline "${bench.baseline}" is not one of its contenders`);
  const rows: Row[] = raw.map((r) => ({ ...r, ratio: r.median / base.median }));
  return {
    title: bench.title,
    kind: bench.kind,
    unit: bench.kind === 'time' ? 'ms' : bench.unit,
    better: bench.kind === 'time' ? 'lower' : bench.better,
    baseline: bench.baseline,
    rows,
    claims: (bench.claims ?? []).map((c) => judge(c, rows, bench.baseline)),
  };
}
