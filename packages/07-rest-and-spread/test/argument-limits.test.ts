import { describe, expect, it } from 'vitest';
import { maxOf, pushAll, spreadLimit, tryMaxWithSpread } from '../src/argument-limits.ts';

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

  it('returns only the RangeError: any other error still throws', () => {
    // A bigint (an int8 column parsed as BigInt, say) makes Math.max throw a TypeError, which is a real bug.
    const values = [1, 2n as unknown as number];
    expect(() => tryMaxWithSpread(values)).toThrow(TypeError);
  });

  it('maxOf loops instead, with Math.max semantics for empty input and NaN (first or later)', () => {
    const values = Array.from({ length: HUGE }, (_, i) => (i * 7919) % HUGE);
    expect(maxOf(values)).toBe(HUGE - 1);
    expect(maxOf([])).toBe(Math.max());
    expect(maxOf([1, Number.NaN, 3])).toBeNaN();
    expect(maxOf([Number.NaN, 1])).toBeNaN();
    expect(maxOf(new Float64Array([4, 2.5]))).toBe(4);
  });

  it('maxOf prefers +0 to -0 whatever the order, as Math.max does', () => {
    for (const values of [[-0, 0], [0, -0], [-0], [-0, -0], [-0, -1], [5, 0, -0]]) {
      expect(maxOf(values), `maxOf([${values.map((v) => (Object.is(v, -0) ? '-0' : v))}])`).toBe(
        Math.max(...values),
      );
    }
  });

  it('maxOf reads exactly `length` elements of an array-like, as Array.from does', () => {
    const arrayLike = { length: 2, 0: 1, 1: 2, 2: 99 };
    expect(maxOf(arrayLike)).toBe(Math.max(...Array.from(arrayLike)));
    expect(maxOf(arrayLike)).toBe(2);
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

describe('spreadLimit', () => {
  it('returns the upper bound itself when every size up to it fits', () => {
    expect(spreadLimit(1_000)).toBe(1_000);
    expect(spreadLimit(1)).toBe(1);
  });

  it('finds where a spread starts to overflow: far below a size that throws, far above one that fits', () => {
    const limit = spreadLimit(HUGE);
    expect(limit).toBeGreaterThan(10_000);
    expect(limit).toBeLessThan(HUGE);
    // The exact limit moves with stack depth and JIT state, so only compare with sizes well to either side.
    expect(tryMaxWithSpread(new Array<number>(Math.floor(limit / 2)).fill(0)).ok).toBe(true);
    expect(tryMaxWithSpread(new Array<number>(limit * 2).fill(0)).ok).toBe(false);
  });
});
