// Test doubles: a module mock for the HTTP call, an injected fake, a spy, and fake timers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getJson } from '../src/_http.ts';
import { convert } from '../src/rates.ts';
import { retry } from '../src/retry.ts';

// Hoisted above the imports: every importer of src/_http.ts, rates.ts included, gets this fake.
vi.mock('../src/_http.ts', () => ({ getJson: vi.fn() }));

afterEach(() => {
  vi.useRealTimers();
  vi.resetAllMocks();
});

describe('module mocking (unittest.mock.patch)', () => {
  it('converts with the mocked HTTP answer, calling it once with the base currency', async () => {
    vi.mocked(getJson).mockResolvedValueOnce({ rates: { USD: 1.1 } });
    await expect(convert(1000, 'EUR', 'USD')).resolves.toBe(1100);
    expect(getJson).toHaveBeenCalledOnce();
    expect(getJson).toHaveBeenCalledWith('https://rates.example.com/latest?base=EUR');
  });
});

describe('dependency injection (no patching at all)', () => {
  it('converts with a rate source passed in', async () => {
    const rates = vi.fn(async () => 2);
    await expect(convert(250, 'EUR', 'GBP', rates)).resolves.toBe(500);
    expect(rates.mock.calls).toEqual([['EUR', 'GBP']]);
    expect(getJson).not.toHaveBeenCalled();
  });
});

describe('fake timers', () => {
  it('retries with backoff without waiting for real', async () => {
    vi.useFakeTimers();
    const flaky = vi.fn().mockRejectedValueOnce(new Error('503')).mockResolvedValueOnce('ok');
    const pending = retry(flaky, { attempts: 3, baseDelayMs: 60_000 });
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(pending).resolves.toBe('ok');
    expect(flaky).toHaveBeenCalledTimes(2);
  });

  it('spies on a real method: the log sees each retry, in order', async () => {
    vi.useFakeTimers();
    const log = { retrying: (attempt: number) => `retry after attempt ${attempt}` };
    const spy = vi.spyOn(log, 'retrying');
    const flaky = vi
      .fn()
      .mockRejectedValueOnce(new Error('a'))
      .mockRejectedValueOnce(new Error('b'))
      .mockResolvedValue(7);
    const pending = retry(flaky, { attempts: 3, baseDelayMs: 100, onRetry: (n) => log.retrying(n) });
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toBe(7);
    expect(spy.mock.calls).toEqual([[1], [2]]);
    expect(spy.mock.results.map((r) => r.value)).toEqual(['retry after attempt 1', 'retry after attempt 2']);
  });
});
