import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

import { manualClock } from '../src/clock.ts';
import { withLogging } from '../src/logging.ts';
import { withTiming } from '../src/timing.ts';

describe('withTiming', () => {
  it('reports the duration of a synchronous call', () => {
    const clock = manualClock();
    const reports: unknown[] = [];
    const work = withTiming(
      function work(ms: number) {
        clock.advance(ms);
        return ms;
      },
      { now: clock.now, report: (entry) => reports.push(entry) },
    );
    expect(work(12)).toBe(12);
    expect(reports).toEqual([{ name: 'work', ms: 12, ok: true }]);
  });

  it('times an async call until it settles, not until the promise is created', async () => {
    const clock = manualClock();
    const reports: unknown[] = [];
    const fetchPage = withTiming(
      async function fetchPage() {
        await clock.sleep(40);
        return 'page';
      },
      { now: clock.now, report: (entry) => reports.push(entry) },
    );
    const pending = fetchPage();
    expect(reports).toEqual([]);
    await expect(pending).resolves.toBe('page');
    expect(reports).toEqual([{ name: 'fetchPage', ms: 40, ok: true }]);
  });

  it('times failures too, and lets the error through', async () => {
    const clock = manualClock();
    const reports: unknown[] = [];
    const report = (entry: unknown) => reports.push(entry);
    const failSync = withTiming(
      () => {
        clock.advance(3);
        throw new Error('sync');
      },
      { now: clock.now, report },
      'failSync',
    );
    const failAsync = withTiming(
      async () => {
        await clock.sleep(5);
        throw new Error('async');
      },
      { now: clock.now, report },
      'failAsync',
    );
    expect(() => failSync()).toThrow('sync');
    await expect(failAsync()).rejects.toThrow('async');
    expect(reports).toEqual([
      { name: 'failSync', ms: 3, ok: false },
      { name: 'failAsync', ms: 5, ok: false },
    ]);
  });
});

describe('withTiming defaults', () => {
  it('prints one console line per call with three decimals, marking a throw', () => {
    const lines = vi.spyOn(console, 'log').mockImplementation(() => {});
    const clock = manualClock();
    const parse = withTiming(
      (text: string) => {
        clock.advance(1.25);
        return JSON.parse(text) as unknown;
      },
      { now: clock.now },
      'parse',
    );
    parse('{}');
    expect(() => parse('{')).toThrow(SyntaxError);
    expect(lines.mock.calls).toEqual([['parse took 1.250 ms'], ['parse took 1.250 ms (threw)']]);
  });

  it('measures on performance.now when no clock is injected', () => {
    const reports: Array<{ ms: number }> = [];
    withTiming(() => 1, { report: (entry) => reports.push(entry) })();
    expect(reports).toHaveLength(1);
    expect(Number.isFinite(reports[0]?.ms)).toBe(true);
  });
});

describe('withLogging defaults', () => {
  it('prints to the console and shortens long arrays', () => {
    const lines = vi.spyOn(console, 'log').mockImplementation(() => {});
    const sum = withLogging((values: number[]) => values.reduce((a, b) => a + b, 0), {}, 'sum');
    sum([1, 2, 3, 4, 5, 6, 7]);
    expect(lines.mock.calls).toEqual([['→ sum([ 1, 2, 3, 4, 5, ... 2 more items ])'], ['← sum = 28']]);
  });
});

describe('withLogging', () => {
  it('logs entry with arguments and exit with the result', async () => {
    const lines: string[] = [];
    const add = withLogging((a: number, b: number) => a + b, { log: (l) => lines.push(l) }, 'add');
    const load = withLogging(async (id: string) => ({ id }), { log: (l) => lines.push(l) }, 'load');
    expect(add(2, 3)).toBe(5);
    await load('u1');
    expect(lines).toEqual(['→ add(2, 3)', '← add = 5', "→ load('u1')", "← load = { id: 'u1' }"]);
  });

  it('logs a throw and a rejection, and rethrows them', async () => {
    const lines: string[] = [];
    const parse = withLogging(
      (text: string): unknown => JSON.parse(text),
      { log: (l) => lines.push(l), show: () => '<redacted>' },
      'parse',
    );
    const save = withLogging(
      async (): Promise<void> => {
        throw new TypeError('read-only');
      },
      { log: (l) => lines.push(l) },
      'save',
    );
    expect(() => parse('{')).toThrow(SyntaxError);
    await expect(save()).rejects.toThrow('read-only');
    expect(lines[0]).toBe('→ parse(<redacted>)');
    expect(lines[1]).toMatch(/^✗ parse threw SyntaxError: /);
    expect(lines.slice(2)).toEqual(['→ save()', '✗ save threw TypeError: read-only']);
  });
});
