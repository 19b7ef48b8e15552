import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parallelLimit, speedupBound } from '../src/parallelism.ts';

describe('what a parallel claim may ask of this machine', () => {
  it('caps the speed-up at the cores and at the tasks, and never below 1', () => {
    expect(parallelLimit(8, 2)).toBe(2);
    expect(parallelLimit(3, 4)).toBe(3);
    expect(parallelLimit(4, 4)).toBe(4);
    expect(parallelLimit(0, 4)).toBe(1);
    expect(parallelLimit(5, 0)).toBe(1);
  });

  it('counts the cores Node says this process may use when none are given', () => {
    expect(parallelLimit(1_000)).toBe(availableParallelism());
    expect(parallelLimit(1)).toBe(1);
  });

  it('asks for 30% of the ideal gain per extra core: 0.77 on 2 cores (1.3×), 0.53 on 4, 0.32 on 8', () => {
    expect(speedupBound(2)).toBe(0.77);
    expect(speedupBound(4)).toBe(0.53);
    expect(speedupBound(8)).toBe(0.32);
  });

  it('on one core asks only for "not much slower" (1.2), since there is nothing to gain', () => {
    expect(speedupBound(1)).toBe(1.2);
    expect(speedupBound(0)).toBe(1.2);
  });
});
