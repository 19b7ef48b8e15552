import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualClock, systemClock, wallClock } from '../src/clock.ts';
import { problemBody, problemViolations } from '../src/problem.ts';

describe('manualClock', () => {
  it('moves only when told, records sleeps, and never goes back', async () => {
    const clock = manualClock(100);
    await clock.sleep(50);
    clock.advance(25);
    expect(clock.now()).toBe(175);
    expect(clock.sleeps).toEqual([50]);
    clock.set(200);
    expect(clock.now()).toBe(200);
    expect(() => clock.set(199)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });
});

describe('wallClock and systemClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('wallClock reads epoch time, systemClock monotonic time; both sleep on real timers', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
    expect(wallClock.now()).toBe(Date.UTC(2026, 0, 1));
    let woke = false;
    const sleeping = wallClock.sleep(1000).then(() => {
      woke = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(woke).toBe(true);
    expect(wallClock.now()).toBe(Date.UTC(2026, 0, 1) + 1000);
    // Monotonic: milliseconds since the process started, nowhere near the epoch.
    expect(systemClock.now()).toBeLessThan(Date.UTC(2000, 0, 1));
  });
});

describe('problem bodies', () => {
  it('carry type, title, status, detail, code and camelCase extensions', () => {
    const body = problemBody(429, 'rate_limited', 'slow down', { retryAfterSeconds: 3 });
    expect(body).toEqual({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: 'slow down',
      code: 'rate_limited',
      retryAfterSeconds: 3,
    });
    expect(problemViolations(body, 429)).toEqual([]);
  });

  it.each([
    [() => problemBody(200, 'ok', 'x'), /4xx or 5xx/],
    [() => problemBody(400, 'Bad-Code', 'x'), /snake_case/],
    [() => problemBody(400, 'bad', 'x', { retry_after: 1 }), /camelCase/],
    [() => problemBody(400, 'bad', 'x', { code: 'other' }), /camelCase/],
  ])('refuse what breaks the convention (%#)', (build, message) => {
    expect(build).toThrow(message);
  });

  it('names every way a body can fail the convention', () => {
    expect(problemViolations('oops')).toEqual(['body is not a JSON object']);
    expect(problemViolations({ error_text: 'x' })).toEqual([
      'detail is missing or empty',
      'code is missing or not snake_case',
      'title is missing',
      'type is missing',
      'status is missing',
      'extension member error_text is not camelCase',
    ]);
    const stack = { ...problemBody(500, 'internal', 'boom'), detail: 'Error: boom\n    at x (y.ts:1:1)' };
    expect(problemViolations(stack, 500)).toEqual(['detail contains a stack trace']);
    expect(problemViolations(problemBody(400, 'bad', 'x'), 422)).toEqual([
      'status member 400 differs from the response status 422',
    ]);
  });
});
