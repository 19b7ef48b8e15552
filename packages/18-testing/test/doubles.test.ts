import { afterEach, describe, expect, it, vi } from 'vitest';
import { getJson } from '../src/_http.ts';
import { convert, httpRates, RATES_URL } from '../src/rates.ts';
import { retry } from '../src/retry.ts';

vi.mock('../src/_http.ts', () => ({ getJson: vi.fn() }));

afterEach(() => {
  vi.useRealTimers();
  vi.resetAllMocks();
});

describe('httpRates through a module mock of the HTTP call', () => {
  it('asks for the base currency, URL-encoded, and reads the target rate', async () => {
    vi.mocked(getJson).mockResolvedValueOnce({ rates: { USD: 1.25 } });
    await expect(httpRates('E/R', 'USD')).resolves.toBe(1.25);
    expect(vi.mocked(getJson).mock.calls).toEqual([[`${RATES_URL}?base=E%2FR`]]);
    expect(RATES_URL).toBe('https://rates.example.com/latest');
  });

  it.each([
    ['no rates object', {}],
    ['a null body', null],
    ['a string rate', { rates: { USD: '1.1' } }],
    ['a zero rate', { rates: { USD: 0 } }],
    ['a negative rate', { rates: { USD: -2 } }],
    ['NaN', { rates: { USD: Number.NaN } }],
  ])('refuses %s', async (_, body) => {
    vi.mocked(getJson).mockResolvedValueOnce(body);
    await expect(httpRates('EUR', 'USD')).rejects.toThrow('no rate from EUR to USD');
  });

  it('lets an HTTP failure through unchanged', async () => {
    vi.mocked(getJson).mockRejectedValueOnce(new Error('GET … answered 503'));
    await expect(convert(100, 'EUR', 'USD')).rejects.toThrow('answered 503');
  });
});

describe('convert with an injected rate source', () => {
  it('multiplies and rounds to the cent', async () => {
    const rates = vi.fn(async () => 1.005);
    await expect(convert(1000, 'EUR', 'USD', rates)).resolves.toBe(1005);
    await expect(convert(333, 'EUR', 'USD', async () => 0.5)).resolves.toBe(167);
    expect(rates).toHaveBeenCalledExactlyOnceWith('EUR', 'USD');
  });

  it('does not look a rate up for the same currency', async () => {
    const rates = vi.fn(async () => 2);
    await expect(convert(1000, 'EUR', 'EUR', rates)).resolves.toBe(1000);
    expect(rates).not.toHaveBeenCalled();
    expect(getJson).not.toHaveBeenCalled();
  });

  it('uses the HTTP source by default', async () => {
    vi.mocked(getJson).mockResolvedValueOnce({ rates: { GBP: 0.5 } });
    await expect(convert(1000, 'EUR', 'GBP')).resolves.toBe(500);
    expect(getJson).toHaveBeenCalledOnce();
  });
});

describe('retry under fake timers', () => {
  it('waits base × 2^(n-1) between attempts, and not a millisecond less', async () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const operation = vi.fn(async () => {
      calls.push(Date.now());
      if (calls.length < 4) throw new Error(`fail ${calls.length}`);
      return 'done';
    });
    const start = Date.now();
    const pending = retry(operation, { attempts: 4, baseDelayMs: 100 });
    await vi.advanceTimersByTimeAsync(99);
    expect(operation).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(operation).toHaveBeenCalledTimes(2);
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toBe('done');
    expect(calls.map((t) => t - start)).toEqual([0, 100, 300, 700]);
  });

  it('rethrows the last error after the last attempt, reporting each retry in order', async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    let n = 0;
    const pending = retry(
      async () => {
        n++;
        throw new Error(`fail ${n}`);
      },
      {
        attempts: 3,
        baseDelayMs: 10,
        onRetry: (attempt, error) => seen.push(`${attempt}:${(error as Error).message}`),
      },
    );
    const settled = expect(pending).rejects.toThrow('fail 3');
    await vi.runAllTimersAsync();
    await settled;
    expect(seen).toEqual(['1:fail 1', '2:fail 2']);
    expect(n).toBe(3);
  });

  it('calls once and never waits when the first attempt succeeds', async () => {
    vi.useFakeTimers();
    const operation = vi.fn(async () => 42);
    await expect(retry(operation, { attempts: 5, baseDelayMs: 1000 })).resolves.toBe(42);
    expect(operation).toHaveBeenCalledOnce();
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([0, -1, 1.5])('refuses %s attempts', async (attempts) => {
    await expect(retry(async () => 1, { attempts, baseDelayMs: 1 })).rejects.toThrow(
      new RangeError('attempts must be a positive integer'),
    );
  });

  it('with one attempt, rethrows at once without scheduling a wait', async () => {
    vi.useFakeTimers();
    const onRetry = vi.fn();
    await expect(
      retry(async () => Promise.reject(new Error('once')), { attempts: 1, baseDelayMs: 10, onRetry }),
    ).rejects.toThrow('once');
    expect(onRetry).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
