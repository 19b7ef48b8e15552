import { describe, expect, it } from 'vitest';
import { manualClock } from '../src/clock.ts';
import { defineWeatherClient } from '../src/example-weather-client.ts';
import { RateLimitError, withRateLimit } from '../src/rate-limit.ts';

describe('withRateLimit (sliding window)', () => {
  it('allows `limit` calls per window, then refuses without calling the function', () => {
    const clock = manualClock();
    let calls = 0;
    const send = withRateLimit(() => ++calls, { limit: 3, windowMs: 1_000, now: clock.now });
    expect([send(), send(), send()]).toEqual([1, 2, 3]);
    clock.advance(250);
    expect(() => send()).toThrow(RateLimitError);
    expect(calls).toBe(3);
  });

  it('says how long to wait: until the oldest call leaves the window', () => {
    const clock = manualClock();
    const send = withRateLimit(() => 'sent', { limit: 2, windowMs: 1_000, now: clock.now });
    send(); // t = 0
    clock.advance(400);
    send(); // t = 400
    clock.advance(200);
    let error: unknown;
    try {
      send(); // t = 600
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(400);
    clock.advance(400); // t = 1000: the call at t = 0 has left the window
    expect(send()).toBe('sent');
    expect(() => send()).toThrow(/rate limit exceeded/);
  });

  it('rejects (never throws synchronously) when the function is async', async () => {
    const clock = manualClock();
    const send = withRateLimit(async () => 'sent', { limit: 1, windowMs: 1_000, now: clock.now });
    await send();
    let pending: Promise<string> | undefined;
    expect(() => {
      pending = send();
    }).not.toThrow();
    await expect(pending).rejects.toBeInstanceOf(RateLimitError);
  });

  it("gives each receiver its own budget unless scope is 'shared'", () => {
    const clock = manualClock();
    const call = function (this: object) {
      return 'ok';
    };
    const perInstance = withRateLimit(call, { limit: 1, windowMs: 1_000, now: clock.now });
    const shared = withRateLimit(call, { limit: 1, windowMs: 1_000, now: clock.now, scope: 'shared' });
    const [a, b] = [{}, {}];
    expect([perInstance.call(a), perInstance.call(b)]).toEqual(['ok', 'ok']);
    expect(shared.call(a)).toBe('ok');
    expect(() => shared.call(b)).toThrow(RateLimitError);
  });

  it('refuses nonsense limits when created, naming the function', () => {
    const send = () => 1;
    expect(() => withRateLimit(send, { limit: 0, windowMs: 1_000 })).toThrow(
      'rateLimit(send): limit must be an integer >= 1, got 0',
    );
    expect(() => withRateLimit(send, { limit: 1, windowMs: 0 })).toThrow(
      'rateLimit(send): windowMs must be > 0, got 0',
    );
  });

  it('measures the wait from when the oldest call was made, on a clock that did not start at 0', () => {
    const clock = manualClock();
    clock.advance(5_000);
    const send = withRateLimit(() => 'sent', { limit: 1, windowMs: 1_000, now: clock.now });
    send(); // t = 5000
    clock.advance(300);
    expect(() => send()).toThrow(expect.objectContaining({ retryAfterMs: 700 }));
  });

  it('reads the default clock when none is injected', () => {
    const ping = () => 'sent';
    const send = withRateLimit(ping, { limit: 1, windowMs: 60_000 });
    expect(send()).toBe('sent');
    expect(() => send()).toThrow(/^ping: rate limit exceeded, retry in \d+ ms$/);
  });
});

describe('@rateLimit on an async method', () => {
  it('rejects the fourth call within a second with a RateLimitError and runs the body three times', async () => {
    const clock = manualClock();
    const WeatherClient = defineWeatherClient({ clock, log: () => {}, fetchCelsius: async () => 35 });
    const client = new WeatherClient();
    for (let i = 0; i < 3; i++)
      await expect(client.alerts('Seville')).resolves.toEqual(['heat warning for Seville']);
    await expect(client.alerts('Seville')).rejects.toMatchObject({
      name: 'RateLimitError',
      retryAfterMs: 1_000,
    });
    expect(client.upstreamCalls).toBe(3);
    clock.advance(1_000);
    await expect(client.alerts('Seville')).resolves.toHaveLength(1);
  });

  it('warns only above 30 °C: exactly 30 gives no alert', async () => {
    const WeatherClient = defineWeatherClient({
      clock: manualClock(),
      log: () => {},
      fetchCelsius: async (city) => (city === 'Rome' ? 30 : 31),
    });
    const client = new WeatherClient();
    await expect(client.alerts('Rome')).resolves.toEqual([]);
    await expect(client.alerts('Cairo')).resolves.toEqual(['heat warning for Cairo']);
  });
});
