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

  it('refuses nonsense limits when created', () => {
    expect(() => withRateLimit(() => 1, { limit: 0, windowMs: 1_000 })).toThrow(RangeError);
    expect(() => withRateLimit(() => 1, { limit: 1, windowMs: 0 })).toThrow(RangeError);
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
});
