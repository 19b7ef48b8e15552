import { manualClock } from '@lab/common/clock';
import { describe, expect, it, vi } from 'vitest';
import { type HealthCheck, Readiness } from '../src/index.ts';

/** A check that counts its runs and can be held open until the test releases it. */
function countedCheck(name = 'db') {
  let release: () => void = () => {};
  let held: Promise<void> | undefined;
  const check: HealthCheck & { runs: number; hold(): void; release(): void } = {
    name,
    runs: 0,
    run: async () => {
      check.runs++;
      await held;
    },
    hold() {
      held = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
  };
  return check;
}

describe('Readiness', () => {
  it('reuses a report for cacheMs, then asks the dependencies again', async () => {
    const clock = manualClock(0);
    const check = countedCheck();
    const readiness = new Readiness({ checks: [check], cacheMs: 1000, clock });
    for (let i = 0; i < 5; i++) expect((await readiness.check()).ok).toBe(true);
    expect(check.runs).toBe(1);
    clock.advance(999);
    await readiness.check();
    expect(check.runs).toBe(1);
    clock.advance(1);
    await readiness.check();
    expect(check.runs).toBe(2);
    expect(readiness.runs).toBe(2);
  });

  it('gives 100 concurrent probes one run of the checks', async () => {
    const check = countedCheck();
    check.hold();
    const readiness = new Readiness({ checks: [check], cacheMs: 0, clock: manualClock(0) });
    const probes = Array.from({ length: 100 }, () => readiness.check());
    check.release();
    const states = await Promise.all(probes);
    expect(states.every((s) => s.ok && !s.draining)).toBe(true);
    expect(check.runs).toBe(1);
    // With no cache, the next probe after they settled runs the checks again.
    await readiness.check();
    expect(check.runs).toBe(2);
  });

  it('caches a failing report too: a dead database is not hammered by every probe', async () => {
    const clock = manualClock(0);
    let runs = 0;
    const readiness = new Readiness({
      checks: [
        {
          name: 'db',
          run: async () => {
            runs++;
            throw new Error('down');
          },
        },
      ],
      cacheMs: 500,
      clock,
    });
    expect((await readiness.check()).checks.db).toEqual({ status: 'failed', error: 'down' });
    await readiness.check();
    expect(runs).toBe(1);
  });

  it('answers not-ready once draining, without running a check', async () => {
    const check = countedCheck();
    const readiness = new Readiness({ checks: [check], cacheMs: 0, clock: manualClock(0) });
    expect(readiness.draining).toBe(false);
    readiness.drain();
    expect(readiness.draining).toBe(true);
    expect(await readiness.check()).toEqual({ ok: false, draining: true, checks: {} });
    expect(check.runs).toBe(0);
  });

  it('refuses a negative cache time', () => {
    expect(() => new Readiness({ checks: [], cacheMs: -1 })).toThrow(RangeError);
    expect(() => new Readiness({ checks: [], cacheMs: Number.NaN })).toThrow(RangeError);
  });
});

describe('Readiness, to the letter', () => {
  it('measures the cache from when the report was made, on any clock reading', async () => {
    const clock = manualClock(50_000);
    const check = countedCheck();
    const readiness = new Readiness({ checks: [check], cacheMs: 1000, clock });
    expect(await readiness.check()).toEqual({ ok: true, draining: false, checks: { db: { status: 'ok' } } });
    clock.advance(999);
    expect(await readiness.check()).toEqual({ ok: true, draining: false, checks: { db: { status: 'ok' } } });
    expect(check.runs).toBe(1);
    clock.advance(1);
    await readiness.check();
    expect(check.runs).toBe(2);
  });

  it('hands its default timeout to the checks', async () => {
    vi.useFakeTimers();
    try {
      const readiness = new Readiness({
        checks: [{ name: 'hang', run: () => new Promise<void>(() => {}) }],
        cacheMs: 0,
        defaultTimeoutMs: 50,
      });
      const state = readiness.check();
      await vi.advanceTimersByTimeAsync(50);
      expect((await state).checks.hang).toEqual({ status: 'timeout', error: 'no answer within 50 ms' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('names the bad cache time', () => {
    expect(() => new Readiness({ checks: [], cacheMs: -5 })).toThrow('cacheMs must be >= 0, got -5');
  });
});
