import { describe, expect, it } from 'vitest';
import { manualClock } from '../src/clock.ts';
import { defineWeatherClient } from '../src/example-weather-client.ts';
import { withMemo } from '../src/memoize.ts';

/** A squaring function that counts how often it really runs. */
function counted() {
  const state = { calls: 0 };
  const square = (n: number): number => {
    state.calls++;
    return n * n;
  };
  return { square, state };
}

describe('withMemo', () => {
  it('computes once per distinct argument', () => {
    const { square, state } = counted();
    const memo = withMemo(square);
    expect([memo(3), memo(3), memo(4), memo(3)]).toEqual([9, 9, 16, 9]);
    expect(state.calls).toBe(2);
  });

  it('expires an entry exactly ttlMs after it was stored', () => {
    const clock = manualClock();
    const { square, state } = counted();
    const memo = withMemo(square, { ttlMs: 1_000, now: clock.now });
    memo(5);
    clock.advance(999);
    memo(5);
    expect(state.calls).toBe(1);
    clock.advance(1);
    memo(5);
    expect(state.calls).toBe(2);
    memo(5);
    expect(state.calls).toBe(2); // the recomputed value is fresh again
  });

  it('uses the key function to decide what counts as the same call', () => {
    const seen: string[] = [];
    const greet = withMemo(
      (user: { id: number; name: string }) => {
        seen.push(user.name);
        return `hi ${user.name}`;
      },
      { key: (user) => user.id },
    );
    expect(greet({ id: 1, name: 'Ada' })).toBe('hi Ada');
    expect(greet({ id: 1, name: 'Ada (new object)' })).toBe('hi Ada');
    expect(seen).toEqual(['Ada']);
  });

  it('refuses object arguments without a key function instead of silently missing every time', () => {
    const memo = withMemo((filter: { active: boolean }) => filter.active);
    expect(() => memo({ active: true })).toThrow(/argument 0 is an object.*options\.key/);
  });

  it('keeps 1 and "1" apart when several arguments make the key', () => {
    const calls: string[] = [];
    const memo = withMemo((a: number | string, b: number) => {
      calls.push(`${typeof a}`);
      return `${a}-${b}`;
    });
    memo(1, 2);
    memo('1', 2);
    memo(1, 2);
    expect(calls).toEqual(['number', 'string']);
  });

  it('evicts the least recently used entry beyond maxEntries', () => {
    const { square, state } = counted();
    const memo = withMemo(square, { maxEntries: 2 });
    memo(1);
    memo(2);
    memo(1); // 1 is now the most recently used
    memo(3); // evicts 2
    expect(state.calls).toBe(3);
    memo(1);
    expect(state.calls).toBe(3);
    memo(2);
    expect(state.calls).toBe(4);
  });

  it('shares one in-flight promise between concurrent callers', async () => {
    let calls = 0;
    let release: (value: string) => void = () => {};
    const load = withMemo((id: number) => {
      calls++;
      return new Promise<string>((resolve) => {
        release = (value) => resolve(`${value} ${id}`);
      });
    });
    const first = load(1);
    const second = load(1);
    release('user');
    await expect(Promise.all([first, second])).resolves.toEqual(['user 1', 'user 1']);
    expect(calls).toBe(1);
  });

  it('does not cache a rejection', async () => {
    let calls = 0;
    const load = withMemo(async (id: number) => {
      calls++;
      if (calls === 1) throw new Error('flaky');
      return id;
    });
    await expect(load(1)).rejects.toThrow('flaky');
    await expect(load(1)).resolves.toBe(1);
    await expect(load(1)).resolves.toBe(1);
    expect(calls).toBe(2);
  });

  it('refuses a non-positive TTL or size, naming the function', () => {
    const { square } = counted();
    expect(() => withMemo(square, { ttlMs: 0 })).toThrow('memoize(square): ttlMs must be > 0, got 0');
    expect(() => withMemo(square, { maxEntries: 0 })).toThrow(
      'memoize(square): maxEntries must be an integer >= 1, got 0',
    );
  });

  it('with maxEntries 1 keeps only the latest result', () => {
    const { square, state } = counted();
    const memo = withMemo(square, { maxEntries: 1 });
    expect([memo(2), memo(2), memo(3), memo(2)]).toEqual([4, 4, 9, 4]);
    expect(state.calls).toBe(3);
  });

  it('refuses a function argument too, and takes null as a plain value', () => {
    const memo = withMemo((a: unknown) => String(a));
    expect(() => memo(() => 1)).toThrow(/memoize\(\): argument 0 is an object/);
    expect([memo(null), memo(null)]).toEqual(['null', 'null']);
  });

  it('keys several arguments by all of them, a single one by itself', () => {
    const calls: string[] = [];
    const memo = withMemo((a: unknown, b?: unknown) => {
      calls.push(`${String(a)},${String(b)}`);
      return calls.length;
    });
    memo(1, 2);
    memo(1, 3);
    memo(1, 2);
    // Two symbols with one description print alike; as a sole argument each is its own key.
    memo(Symbol('id'));
    memo(Symbol('id'));
    expect(calls).toEqual(['1,2', '1,3', 'Symbol(id),undefined', 'Symbol(id),undefined']);
  });

  it('expires entries on the default clock when only ttlMs is given', () => {
    const { square, state } = counted();
    const memo = withMemo(square, { ttlMs: 60_000 });
    memo(7);
    memo(7);
    expect(state.calls).toBe(1);
  });

  it('does not read the clock at all without a TTL', () => {
    let reads = 0;
    const { square } = counted();
    const memo = withMemo(square, { now: () => ++reads });
    memo(1);
    memo(1);
    expect(reads).toBe(0);
  });

  it('a late rejection of an expired call leaves the fresh entry that replaced it', async () => {
    const clock = manualClock();
    const rejects: Array<(error: Error) => void> = [];
    let calls = 0;
    const load = withMemo(
      (id: number) => {
        calls++;
        return new Promise<number>((resolve, reject) => {
          if (calls === 1) rejects.push(reject);
          else resolve(id);
        });
      },
      { ttlMs: 1_000, now: clock.now },
    );
    const stale = load(1);
    clock.advance(1_000);
    await expect(load(1)).resolves.toBe(1);
    rejects[0]?.(new Error('timed out'));
    await expect(stale).rejects.toThrow('timed out');
    await expect(load(1)).resolves.toBe(1);
    expect(calls).toBe(2);
  });

  it('keeps one cache per function receiver, as a static method has a class and its subclass', () => {
    let calls = 0;
    const rateFor = withMemo(function (this: { name: string }, currency: string) {
      calls++;
      return `${this.name}:${currency}`;
    });
    class Rates {}
    class TestRates extends Rates {}
    expect([rateFor.call(Rates, 'EUR'), rateFor.call(TestRates, 'EUR'), rateFor.call(Rates, 'EUR')]).toEqual([
      'Rates:EUR',
      'TestRates:EUR',
      'Rates:EUR',
    ]);
    expect(calls).toBe(2);
  });

  it('caches a call made with a null receiver like any plain call', () => {
    const { square, state } = counted();
    const memo = withMemo(square);
    expect([memo.call(null, 4), memo.call(null, 4)]).toEqual([16, 16]);
    expect(state.calls).toBe(1);
  });
});

describe('@memoize on a method', () => {
  const define = (clock = manualClock()) =>
    defineWeatherClient({ clock, log: () => {}, fetchCelsius: async () => 25 });

  it('serves repeated calls from the cache until the TTL (60 s) passes, with a normalising key', async () => {
    const clock = manualClock();
    const client = new (define(clock))();
    await expect(client.temperature('Oslo')).resolves.toBe(25); // Celsius unless told otherwise
    await client.temperature('  OSLO ');
    expect(client.upstreamCalls).toBe(1);
    clock.advance(60_000);
    await client.temperature('oslo');
    expect(client.upstreamCalls).toBe(2);
  });

  it('keeps one cache per instance: results never leak between objects', async () => {
    const WeatherClient = define();
    const celsius = new WeatherClient('C');
    const fahrenheit = new WeatherClient('F');
    await expect(celsius.temperature('Oslo')).resolves.toBe(25);
    await expect(fahrenheit.temperature('Oslo')).resolves.toBe(77);
    expect([celsius.upstreamCalls, fahrenheit.upstreamCalls]).toEqual([1, 1]);
  });
});
