import { describe, expect, it } from 'vitest';
import { maxOf, pushAll, tryMaxWithSpread } from '../src/argument-limits.ts';

// Far beyond what any default Node stack can pass as arguments (the limit is ~120k with a 1 MB stack).
const HUGE = 2_000_000;

describe('spreading a huge array into a call', () => {
  it('throws a RangeError, which tryMaxWithSpread returns instead of throwing', () => {
    const values = Array.from({ length: HUGE }, (_, i) => i);
    const outcome = tryMaxWithSpread(values);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/call stack/i);
    expect(() => values.slice(0, 0).push(...values)).toThrow(RangeError);
  });

  it('works for small arrays', () => {
    expect(tryMaxWithSpread([3, 9, 4])).toEqual({ ok: true, value: 9 });
  });

  it('maxOf loops instead, with Math.max semantics for empty input and NaN (first or later)', () => {
    const values = Array.from({ length: HUGE }, (_, i) => (i * 7919) % HUGE);
    expect(maxOf(values)).toBe(HUGE - 1);
    expect(maxOf([])).toBe(Math.max());
    expect(maxOf([1, Number.NaN, 3])).toBeNaN();
    expect(maxOf([Number.NaN, 1])).toBeNaN();
    expect(maxOf(new Float64Array([4, 2.5]))).toBe(4);
  });

  it('pushAll appends in safe chunks', () => {
    const source = Array.from({ length: HUGE }, (_, i) => i);
    const target = [-1];
    expect(pushAll(target, source)).toBe(HUGE + 1);
    expect(target[0]).toBe(-1);
    expect(target[HUGE]).toBe(HUGE - 1);
    expect(pushAll([], [1, 2, 3], 2)).toBe(3);
  });
});
