import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../src/clock.ts';
import { defineWeatherClient } from '../src/example-weather-client.ts';
import { backoffDelay, withRetry } from '../src/retry.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** A function that fails `failures` times, then returns 'ok'; counts its calls. */
function flaky(failures: number) {
  const state = { calls: 0 };
  const fn = async (): Promise<string> => {
    state.calls++;
    if (state.calls <= failures) throw new Error(`failure ${state.calls}`);
    return 'ok';
  };
  return { fn, state };
}

describe('backoffDelay', () => {
  const backoff = { baseDelayMs: 100, factor: 2, maxDelayMs: 10_000 };

  it('doubles from the base delay without jitter', () => {
    const delays = [1, 2, 3, 4].map((n) => backoffDelay(n, { ...backoff, jitter: 'none' }));
    expect(delays).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds maxDelayMs', () => {
    const delays = [1, 2, 3, 4].map((n) => backoffDelay(n, { ...backoff, maxDelayMs: 250, jitter: 'none' }));
    expect(delays).toEqual([100, 200, 250, 250]);
  });

  it('full jitter scales the delay by random() in [0, 1)', () => {
    expect(backoffDelay(3, { ...backoff, jitter: 'full' }, () => 0.5)).toBe(200);
    expect(backoffDelay(3, { ...backoff, jitter: 'full' }, () => 0)).toBe(0);
  });

  it('equal jitter keeps at least half of the delay', () => {
    expect(backoffDelay(3, { ...backoff, jitter: 'equal' }, () => 0)).toBe(200);
    expect(backoffDelay(3, { ...backoff, jitter: 'equal' }, () => 0.5)).toBe(300);
  });
});

describe('withRetry', () => {
  it('gives up after `attempts` tries and rethrows the last error itself', async () => {
    const clock = manualClock();
    const { fn, state } = flaky(Number.POSITIVE_INFINITY);
    const retried = withRetry(fn, { attempts: 3, jitter: 'none', sleep: clock.sleep });
    await expect(retried()).rejects.toThrow('failure 3');
    expect(state.calls).toBe(3);
    expect(clock.sleeps).toEqual([100, 200]); // a pause between attempts, none after the last
  });

  it('returns as soon as an attempt succeeds, after the expected jittered pauses', async () => {
    const clock = manualClock();
    const { fn, state } = flaky(2);
    const retried = withRetry(fn, {
      attempts: 5,
      baseDelayMs: 100,
      factor: 3,
      sleep: clock.sleep,
      random: () => 0.5,
    });
    await expect(retried()).resolves.toBe('ok');
    expect(state.calls).toBe(3);
    expect(clock.sleeps).toEqual([50, 150]); // full jitter: 0.5 × 100, 0.5 × 300
  });

  it('does not retry an error retryIf rejects', async () => {
    const clock = manualClock();
    const { fn, state } = flaky(Number.POSITIVE_INFINITY);
    const retried = withRetry(fn, { attempts: 5, sleep: clock.sleep, retryIf: () => false });
    await expect(retried()).rejects.toThrow('failure 1');
    expect(state.calls).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('tells onRetry about each failed attempt before pausing', async () => {
    const seen: Array<{ attempt: number; delayMs: number; message: string }> = [];
    const { fn } = flaky(2);
    const retried = withRetry(fn, {
      attempts: 3,
      jitter: 'none',
      sleep: manualClock().sleep,
      onRetry: ({ attempt, delayMs, error }) =>
        seen.push({ attempt, delayMs, message: (error as Error).message }),
    });
    await retried();
    expect(seen).toEqual([
      { attempt: 1, delayMs: 100, message: 'failure 1' },
      { attempt: 2, delayMs: 200, message: 'failure 2' },
    ]);
  });

  it('passes arguments and `this` through to every attempt', async () => {
    const service = {
      prefix: 'id:',
      attempts: 0,
      async load(this: { prefix: string; attempts: number }, id: number): Promise<string> {
        this.attempts++;
        if (this.attempts < 2) throw new Error('transient');
        return `${this.prefix}${id}`;
      },
    };
    service.load = withRetry(service.load, { attempts: 2, sleep: manualClock().sleep });
    await expect(service.load(7)).resolves.toBe('id:7');
    expect(service.attempts).toBe(2);
  });

  it('refuses bad options when the wrapper is created, not on the first failure', () => {
    const { fn } = flaky(0);
    expect(() => withRetry(fn, { attempts: 0 })).toThrow(RangeError);
    expect(() => withRetry(fn, { attempts: 2.5 })).toThrow(/attempts must be an integer/);
    expect(() => withRetry(fn, { attempts: 2, factor: 0.5 })).toThrow(/factor/);
    expect(() => withRetry(fn, { attempts: 2, baseDelayMs: -1 })).toThrow(/baseDelayMs/);
  });

  it('says exactly which option is wrong', () => {
    const { fn } = flaky(0);
    expect(() => withRetry(fn, { attempts: 0 })).toThrow('retry: attempts must be an integer >= 1, got 0');
    expect(() => withRetry(fn, { attempts: 2, maxDelayMs: -1 })).toThrow(
      'retry: baseDelayMs and maxDelayMs must be >= 0',
    );
    expect(() => withRetry(fn, { attempts: 2, factor: 0.5 })).toThrow('retry: factor must be >= 1, got 0.5');
    expect(() => withRetry(fn, { attempts: 2, jitter: 'some' as 'full' })).toThrow(
      "retry: jitter must be 'full', 'equal' or 'none', got some",
    );
    expect(() => withRetry(fn, { attempts: 2, jitter: '' as 'full' })).toThrow(/jitter must be/);
  });

  it('accepts the boundary options: one attempt, no delay, a constant factor', async () => {
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
    };
    const once = flaky(1);
    await expect(withRetry(once.fn, { attempts: 1, sleep })()).rejects.toThrow('failure 1');
    expect(once.state.calls).toBe(1);
    const noDelay = { baseDelayMs: 0, maxDelayMs: 0, factor: 1, jitter: 'none' } as const;
    await expect(withRetry(flaky(1).fn, { attempts: 3, ...noDelay, sleep })()).resolves.toBe('ok');
    const steady = withRetry(flaky(2).fn, { attempts: 3, baseDelayMs: 50, factor: 1, jitter: 'none', sleep });
    await expect(steady()).resolves.toBe('ok');
    expect(sleeps).toEqual([0, 50, 50]);
  });

  it('waits on real timers by default (driven here by fake timers, counting calls)', async () => {
    vi.useFakeTimers();
    const { fn, state } = flaky(1);
    const result = withRetry(fn, { attempts: 2, baseDelayMs: 1_000, jitter: 'none' })();
    await vi.advanceTimersByTimeAsync(999);
    expect(state.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.calls).toBe(2);
    await expect(result).resolves.toBe('ok');
  });
});

describe('@retry on an async method (with @memoize and @logged stacked above it)', () => {
  it('retries, keeps `this` through the wrappers and the awaits, and keeps the method name', async () => {
    const clock = manualClock();
    let calls = 0;
    const lines: string[] = [];
    const WeatherClient = defineWeatherClient({
      clock,
      log: (line) => lines.push(line),
      random: () => 0.5,
      fetchCelsius: async () => {
        calls++;
        if (calls < 3) throw new Error('503 from upstream');
        return 20;
      },
    });
    const client = new WeatherClient('F');
    await expect(client.temperature('Oslo')).resolves.toBe(68); // `this.units` was read inside the body
    expect(client.upstreamCalls).toBe(3);
    expect(clock.sleeps).toEqual([100, 200]); // attempts 4, base 200 ms, full jitter at 0.5
    expect(client.temperature.name).toBe('temperature');
    expect(lines[0]).toBe("→ temperature('Oslo')");
    expect(lines.at(-1)).toBe('← temperature = 68');
  });

  it('gives up after four attempts with the upstream error', async () => {
    const clock = manualClock();
    const WeatherClient = defineWeatherClient({
      clock,
      log: () => {},
      random: () => 1 - Number.EPSILON,
      fetchCelsius: async () => {
        throw new Error('still down');
      },
    });
    const client = new WeatherClient();
    await expect(client.temperature('Oslo')).rejects.toThrow('still down');
    expect(client.upstreamCalls).toBe(4);
    expect(clock.sleeps.map(Math.round)).toEqual([200, 400, 800]);
  });
});
