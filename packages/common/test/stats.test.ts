import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { measureHeap } from '../src/measure/memory.ts';
import { percentile, summarize } from '../src/measure/stats.ts';
import { lastTimedResult, medianTimePerCall, medianTimePerCallAsync } from '../src/measure/time-per-call.ts';
import { tsxExecArgv } from '../src/workers.ts';

const memoryModule = fileURLToPath(new URL('../src/measure/memory.ts', import.meta.url));

describe('summary statistics', () => {
  it('uses nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile(values, 1)).toBe(100);
  });

  it('summarises unsorted samples', () => {
    expect(summarize([5, 1, 3])).toEqual({ n: 3, mean: 3, median: 3, p99: 5, min: 1, max: 5 });
  });
});

describe('heap measurement', () => {
  it('forces a GC without --expose-gc on the command line', () => {
    // vitest starts its workers with --expose-gc, so the claim is checked in a fresh Node without it.
    const script = [
      `import { forceGc } from ${JSON.stringify(memoryModule)};`,
      'const hadGc = typeof globalThis.gc === "function";',
      'let target = { big: new Array(1000).fill(0) };',
      'const ref = new WeakRef(target);',
      'target = undefined;',
      // A WeakRef keeps its target alive until the job that made it ends: collect in a later task.
      'setImmediate(() => { forceGc(); console.log(JSON.stringify({ hadGc, collected: ref.deref() === undefined })); });',
    ].join('\n');
    const out = execFileSync(process.execPath, [...tsxExecArgv(), '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(JSON.parse(out)).toEqual({ hadGc: false, collected: true });
  });

  it('sees a large retained allocation, and not a discarded one', () => {
    const kept = measureHeap(() => Array.from({ length: 1e6 }, (_, i) => ({ i })));
    expect(kept.retainedBytes).toBeGreaterThan(10 * 1024 * 1024);
    const dropped = measureHeap(() => {
      Array.from({ length: 1e6 }, (_, i) => ({ i }));
      return 0;
    });
    expect(dropped.retainedBytes).toBeLessThan(kept.retainedBytes / 10);
  });
});

describe('median time per call', () => {
  it('runs warm-up rounds untimed, then rounds × calls timed calls, passing the call index', () => {
    const seen: number[] = [];
    medianTimePerCall((i) => seen.push(i), { calls: 3, rounds: 5, warmupRounds: 2 });
    expect(seen).toHaveLength((2 + 5) * 3);
    expect(seen.slice(0, 3)).toEqual([0, 1, 2]);
    expect(lastTimedResult()).toBe(21);
  });

  it('returns the median of the timed rounds, per call, leaving the warm-up rounds out', async () => {
    // A fake clock that each call moves on by its round's cost: the figure is then known exactly.
    const warmupCost = 1000;
    const timedCosts = [5, 1, 3, 9, 2];
    const costs = [warmupCost, warmupCost, ...timedCosts];
    let now = 0;
    let calls = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const call = () => {
        now += costs[Math.floor(calls++ / 4)] ?? Number.NaN;
      };
      const options = { calls: 4, rounds: 5, warmupRounds: 2 };
      // Each call of round r costs costs[r]: per call, the timed rounds take 5, 1, 3, 9, 2 — median 3.
      expect(medianTimePerCall(call, options)).toBe(3);
      calls = 0;
      expect(await medianTimePerCallAsync(async () => call(), options)).toBe(3);
    } finally {
      clock.mockRestore();
    }
  });

  it('awaits each async call before starting the next', async () => {
    let running = 0;
    let most = 0;
    await medianTimePerCallAsync(
      async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setImmediate(r));
        running--;
      },
      { calls: 4, rounds: 3 },
    );
    expect(most).toBe(1);
  });
});
