import { manualClock } from '@lab/common/clock';
import { describe, expect, it } from 'vitest';
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
