import { describe, expect, it } from 'vitest';
import { pointsWithShapes, sumXMegamorphic, sumXMonomorphic, sumXPolymorphic } from '../src/access.ts';
import { bytesPerPoint, LAYOUTS, type Layout } from '../src/memory.ts';

describe('pointsWithShapes', () => {
  it('cycles the extra field through as many names as shapes asked for', () => {
    const points = pointsWithShapes(3, 7);
    expect(points.map((p) => Object.keys(p).join(','))).toEqual([
      'x,y,tag0',
      'x,y,tag1',
      'x,y,tag2',
      'x,y,tag0',
      'x,y,tag1',
      'x,y,tag2',
      'x,y,tag0',
    ]);
    expect(points.map((p) => p.x)).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5]);
  });

  it('refuses a shape count below one', () => {
    expect(() => pointsWithShapes(0, 1)).toThrow(RangeError);
    expect(() => pointsWithShapes(1.5, 1)).toThrow(RangeError);
  });

  it('the three sums agree: the shape changes speed, never the result', () => {
    const points = pointsWithShapes(8, 100);
    const expected = points.reduce((sum, p) => sum + p.x, 0);
    expect(sumXMonomorphic(points)).toBe(expected);
    expect(sumXPolymorphic(points)).toBe(expected);
    expect(sumXMegamorphic(points)).toBe(expected);
    expect(expected).toBe(5000);
  });
});

describe('bytesPerPoint (retained heap plus ArrayBuffer bytes, per point)', () => {
  const COUNT = 20_000;
  const measured = Object.fromEntries(
    (Object.keys(LAYOUTS) as Layout[]).map((layout) => [layout, bytesPerPoint(layout, COUNT)]),
  ) as Record<Layout, number>;

  it('counts the Float64Array columns at 16 bytes a point, though they live outside the V8 heap', () => {
    expect(measured['Float64Array columns']).toBeGreaterThanOrEqual(16);
    expect(measured['Float64Array columns']).toBeLessThan(17);
  });

  it('orders the layouts: columns < class instance < Map < dictionary-mode object', () => {
    expect(measured['Float64Array columns']).toBeLessThan(measured['class instance']);
    expect(measured['class instance']).toBeLessThan(measured['Map per point']);
    expect(measured['Map per point']).toBeLessThan(measured['dictionary-mode object']);
  });

  it('small-integer fields are stored in place, fractional ones boxed: integers take less', () => {
    expect(measured['class instance, integer coords']).toBeLessThan(measured['class instance']);
  });
});
